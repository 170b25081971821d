package io.rapport.tickets.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.rapport.shared.InvalidInputException;

/** Tags as help desks keep them: lowercase, no spaces (they become underscores), letters of any script. */
final class Tags {

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_\\-:./#+]{1,50}");

	private Tags() {
	}

	static Set<String> normalize(List<String> raw, String field) {
		Set<String> tags = new TreeSet<>();
		if (raw == null) {
			return tags;
		}
		for (int i = 0; i < raw.size(); i++) {
			String value = raw.get(i);
			if (value == null || value.isBlank()) {
				continue;
			}
			String tag = value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
			if (!TAG.matcher(tag).matches()) {
				throw new InvalidInputException(field + "[" + i + "]",
						"A tag is up to 50 letters, digits or _ - : . / # +; '" + abbreviate(value) + "' is not.");
			}
			tags.add(tag);
		}
		if (tags.size() > 20) {
			throw new InvalidInputException(field, "A ticket has at most 20 tags.");
		}
		return tags;
	}

	private static String abbreviate(String value) {
		return value.length() <= 30 ? value : value.substring(0, 30) + "…";
	}
}

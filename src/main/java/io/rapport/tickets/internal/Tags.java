package io.rapport.tickets.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.rapport.shared.InvalidInputException;

/**
 * One rule for tags, for pages and API alike: commas separate tags (a page's text field is split by {@link #split});
 * each is stripped, lowercased, inner spaces become underscores; duplicates are dropped and the order is kept.
 */
final class Tags {

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_\\-:./#+]{1,50}");

	private Tags() {
	}

	static List<String> normalize(List<String> raw, String field) {
		Set<String> tags = new LinkedHashSet<>();
		if (raw == null) {
			return List.of();
		}
		for (int i = 0; i < raw.size(); i++) {
			String value = raw.get(i);
			if (value == null || value.isBlank()) {
				continue;
			}
			String tag = value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
			if (!TAG.matcher(tag).matches()) {
				throw InvalidInputException.of(field + "[" + i + "]", "errors.ticket.tag-invalid",
						abbreviate(value));
			}
			tags.add(tag);
		}
		if (tags.size() > 20) {
			throw InvalidInputException.of(field, "errors.ticket.tags-too-many");
		}
		return List.copyOf(tags);
	}

	/** A page's tag field: comma-separated, so "plan upgrade, webhooks" is the two tags plan_upgrade and webhooks. */
	static List<String> split(String text) {
		return text == null ? List.of() : Arrays.stream(text.split(",")).filter(tag -> !tag.isBlank()).toList();
	}

	private static String abbreviate(String value) {
		return value.length() <= 30 ? value : value.substring(0, 30) + "…";
	}
}

package io.rapport.knowledge.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.rapport.shared.InvalidInputException;

/**
 * Slugs for URLs: lowercase letters of any script and digits joined by hyphens ({@code reset-your-password},
 * {@code 重置密码}, {@code resetarea-parolei}). Latin letters lose their accents, so a Romanian slug types on any
 * keyboard; other scripts stay as they are.
 */
final class Slugs {

	static final int MAX = 120;

	private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(-[\\p{L}\\p{M}\\p{N}]+)*");

	private Slugs() {
	}

	static String of(String text) {
		String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
			.replaceAll("(\\p{IsLatin})\\p{M}+", "$1");
		folded = Normalizer.normalize(folded, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{M}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
		if (folded.length() > MAX) {
			folded = folded.substring(0, MAX).replaceAll("-+$", "");
		}
		return folded;
	}

	/** A slug someone typed, checked; else a 400 naming the field. */
	static String require(String field, String slug) {
		String s = slug.strip().toLowerCase(Locale.ROOT);
		if (s.length() > MAX || !VALID.matcher(s).matches()) {
			throw InvalidInputException.of(field, "errors.knowledge.slug", MAX);
		}
		return s;
	}

	/** {@code base}, or {@code base-2}, {@code base-3}… the first one not taken. */
	static String unique(String base, String fallback, Predicate<String> taken) {
		String root = base == null || base.isEmpty() ? fallback : base;
		String candidate = root;
		for (int n = 2; taken.test(candidate); n++) {
			candidate = root + "-" + n;
		}
		return candidate;
	}
}

package io.rapport.tickets.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as searches compare it: decomposed, without accents and marks, lowercased, spaces collapsed, so that
 * "muller" finds "Müller" and "sao paulo" finds "São Paulo" on H2 and PostgreSQL alike, without a database
 * extension. Letters that do not decompose (ß, ø, ł, æ, œ, đ) are spelled out as people type them.
 */
final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private SearchText() {
	}

	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
			.replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("æ", "ae").replace("œ", "oe")
			.replace("đ", "d").replace("ı", "i");
		return SPACES.matcher(plain).replaceAll(" ").strip();
	}

	/** A LIKE pattern that finds the text anywhere, with the wildcards people type taken literally. */
	static String contains(String text) {
		return "%" + normalize(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}
}

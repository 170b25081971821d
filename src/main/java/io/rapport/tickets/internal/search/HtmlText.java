package io.rapport.tickets.internal.search;

import java.util.Set;

/** The words of a stored (already sanitized) HTML body, for the index: tags gone, entities read, blocks apart. */
final class HtmlText {

	/** The elements whose end (or a line break) starts a new line of text. */
	private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
			"h6", "blockquote", "pre", "ul", "ol", "table");

	private HtmlText() {
	}

	/**
	 * One pass over the HTML drops the tags (a line break for {@code <br>} and a block's end tag) and reads the
	 * entities; a second folds the white space: runs of spaces and tabs to one space, a line's trailing spaces and
	 * blank lines away, none at either end. (It was five regular expressions, and a third of the search
	 * document's cost when a ticket is created.)
	 */
	static String of(String html) {
		if (html == null || html.isEmpty()) {
			return "";
		}
		int length = html.length();
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length;) {
			char c = html.charAt(i);
			if (c == '<') {
				int close = html.indexOf('>', i + 1);
				if (close < 0) {
					text.append(html, i, length);
					break;
				}
				if (breaksLine(html, i + 1, close)) {
					text.append('\n');
				}
				i = close + 1;
			}
			else if (c == '&') {
				i = entity(html, i, text);
			}
			else {
				text.append(c);
				i++;
			}
		}
		return fold(text);
	}

	/** {@code <br>}, {@code <br/>}, {@code <br />} (any case) or the end tag of a block, exactly. */
	private static boolean breaksLine(String html, int from, int to) {
		if (to - from >= 2 && (html.charAt(from) | 0x20) == 'b' && (html.charAt(from + 1) | 0x20) == 'r') {
			int i = from + 2;
			while (i < to && Character.isWhitespace(html.charAt(i))) {
				i++;
			}
			if (i < to && html.charAt(i) == '/') {
				i++;
			}
			return i == to;
		}
		return to - from >= 2 && html.charAt(from) == '/'
				&& BLOCKS.contains(html.substring(from + 1, to).toLowerCase(java.util.Locale.ROOT));
	}

	/** Appends the entity at {@code at} read, or the ampersand alone when none starts there; answers where to go on. */
	private static int entity(String html, int at, StringBuilder text) {
		int semicolon = at + 3; // the shortest name has two characters; the longest, eight
		while (semicolon < html.length() && semicolon <= at + 9 && html.charAt(semicolon) != ';') {
			semicolon++;
		}
		if (semicolon < html.length() && semicolon <= at + 9 && html.charAt(semicolon) == ';') {
			String name = html.substring(at + 1, semicolon);
			if (wellFormed(name)) {
				text.append(entity(name));
				return semicolon + 1;
			}
		}
		text.append('&');
		return at + 1;
	}

	/** {@code #x} and 1–6 hex digits, {@code #} and 1–7 digits, or 2–8 ASCII letters. */
	private static boolean wellFormed(String name) {
		if (name.startsWith("#x") || name.startsWith("#X")) {
			return name.length() >= 3 && name.length() <= 8 && all(name, 2, HtmlText::hexDigit);
		}
		if (name.startsWith("#")) {
			return name.length() >= 2 && name.length() <= 8 && all(name, 1, c -> c >= '0' && c <= '9');
		}
		return name.length() >= 2 && name.length() <= 8
				&& all(name, 0, c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
	}

	private static boolean hexDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static boolean all(String name, int from, CharTest test) {
		for (int i = from; i < name.length(); i++) {
			if (!test.test(name.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	@FunctionalInterface
	private interface CharTest {

		boolean test(char c);
	}

	/** Spaces and tabs (and VT, FF, CR) to one space; a new line eats the space before it and blanks after it. */
	private static String fold(CharSequence text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (horizontal(c)) {
				space = true;
			}
			else if (c == '\n') {
				out.append('\n');
				space = false;
				while (i + 1 < text.length() && (text.charAt(i + 1) == '\n' || horizontal(text.charAt(i + 1)))) {
					i++;
				}
			}
			else {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
			}
		}
		return out.toString().strip();
	}

	private static boolean horizontal(char c) {
		return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
	}

	private static String entity(String name) {
		try {
			if (name.startsWith("#x") || name.startsWith("#X")) {
				return Character.toString(Integer.parseInt(name.substring(2), 16));
			}
			if (name.startsWith("#")) {
				return Character.toString(Integer.parseInt(name.substring(1)));
			}
		}
		catch (IllegalArgumentException e) {
			return " ";
		}
		switch (name) {
			case "amp":
				return "&";
			case "lt":
				return "<";
			case "gt":
				return ">";
			case "quot":
				return "\"";
			case "apos":
				return "'";
			case "nbsp":
				return " ";
			default:
				return " ";
		}
	}
}

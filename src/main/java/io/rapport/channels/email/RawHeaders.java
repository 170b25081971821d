package io.rapport.channels.email;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Header fields read straight from a mail's raw bytes, before it is parsed: the first field of a name, unfolded,
 * and the message ids ({@code <...>}) a field lists. Only the first 256 KB are looked at (a header block that long
 * is a bomb anyway), and the bytes are read as ISO-8859-1: what these fields hold is ASCII.
 */
public final class RawHeaders {

	private static final int SCAN_LIMIT = 256 * 1024;

	private RawHeaders() {
	}

	/** The first field called {@code name} (any case), unfolded and stripped; null when the header block has none. */
	public static String field(byte[] raw, String name) {
		return field(head(raw), name);
	}

	/** The header block as text, for reading several fields of one mail with {@link #field(String, String)}. */
	public static String head(byte[] raw) {
		return new String(raw, 0, headerEnd(raw), StandardCharsets.ISO_8859_1);
	}

	/** The first field called {@code name} of a header block from {@link #head(byte[])}. */
	public static String field(String head, String name) {
		String prefix = name.toLowerCase(Locale.ROOT) + ":";
		int end = head.length();
		String value = null;
		int start = 0;
		while (start < end) {
			int eol = head.indexOf('\n', start);
			eol = eol < 0 || eol > end ? end : eol;
			String line = head.substring(start, eol).replace("\r", "");
			if (value != null && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
				value += line.strip();
			}
			else if (value != null) {
				break;
			}
			else if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
				value = line.substring(prefix.length()).strip();
			}
			start = eol + 1;
		}
		return value;
	}

	/**
	 * Every {@code <id>} in a field such as References or In-Reply-To, in order, without brackets and blanks; when the
	 * field has no brackets, its words that hold an {@code @} (bare ids, as some mailers write them). Empty when there
	 * are none. The inbound parser and the IMAP poller's lanes read ids alike through this.
	 */
	public static List<String> ids(String value) {
		List<String> ids = new ArrayList<>();
		if (value == null) {
			return ids;
		}
		String field = clean(value);
		int open = field.indexOf('<');
		while (open >= 0) {
			int close = field.indexOf('>', open + 1);
			if (close < 0) {
				break;
			}
			String id = field.substring(open + 1, close).replace(" ", "");
			if (!id.isEmpty()) {
				ids.add(id);
			}
			open = field.indexOf('<', close + 1);
		}
		if (ids.isEmpty()) {
			for (String token : field.split(" ")) {
				if (token.indexOf('@') > 0) {
					ids.add(token);
				}
			}
		}
		return ids;
	}

	/** Control characters (CR, LF, tabs, C1 controls, line separators) become spaces; runs of spaces become one. */
	public static String clean(String value) {
		if (value == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(value.length());
		boolean space = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
					|| c == '\u0085';
			if (blank) {
				space = true;
				continue;
			}
			if (space && out.length() > 0) {
				out.append(' ');
			}
			space = false;
			out.append(c);
		}
		return out.toString();
	}

	/** Where the header block ends: the first empty line, or the scan limit. */
	private static int headerEnd(byte[] raw) {
		int limit = Math.min(raw.length, SCAN_LIMIT);
		for (int i = 0; i + 1 < limit; i++) {
			if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < limit && raw[i + 2] == '\n'))) {
				return i;
			}
		}
		return limit;
	}
}

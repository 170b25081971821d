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
		String head = new String(raw, 0, headerEnd(raw), StandardCharsets.ISO_8859_1);
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

	/** The ids between angle brackets in a field such as References, in order; empty when there are none. */
	public static List<String> ids(String value) {
		List<String> ids = new ArrayList<>();
		if (value == null) {
			return ids;
		}
		int open = value.indexOf('<');
		while (open >= 0) {
			int close = value.indexOf('>', open + 1);
			if (close < 0) {
				break;
			}
			String id = value.substring(open + 1, close).strip();
			if (!id.isEmpty()) {
				ids.add(id);
			}
			open = value.indexOf('<', close + 1);
		}
		return ids;
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

package io.rapport.channels.email.mime;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The charset an HTML part names in its own {@code <meta charset>} or {@code http-equiv} tag, read from the first
 * 4 KB, for HTML parts whose MIME header names none.
 */
final class MetaCharset {

	private static final int SCAN = 4096;

	private MetaCharset() {
	}

	static String find(byte[] html) {
		String head = new String(html, 0, Math.min(html.length, SCAN), StandardCharsets.ISO_8859_1)
			.toLowerCase(Locale.ROOT);
		int meta = head.indexOf("<meta");
		while (meta >= 0) {
			int end = head.indexOf('>', meta);
			String tag = head.substring(meta, end < 0 ? head.length() : end);
			int at = tag.indexOf("charset");
			if (at >= 0) {
				String label = token(tag, at + "charset".length());
				if (!label.isEmpty()) {
					return label;
				}
			}
			meta = end < 0 ? -1 : head.indexOf("<meta", end);
		}
		return null;
	}

	private static String token(String tag, int from) {
		int i = from;
		while (i < tag.length() && (tag.charAt(i) == ' ' || tag.charAt(i) == '=' || tag.charAt(i) == '"'
				|| tag.charAt(i) == '\'')) {
			i++;
		}
		int start = i;
		while (i < tag.length() && (Character.isLetterOrDigit(tag.charAt(i)) || "-_:.".indexOf(tag.charAt(i)) >= 0)) {
			i++;
		}
		return tag.substring(start, i);
	}
}

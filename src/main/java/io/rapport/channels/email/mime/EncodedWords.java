package io.rapport.channels.email.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import io.rapport.channels.email.RawHeaders;

/**
 * Decodes header text as mail clients really write it: RFC 2047 encoded words (also when a multi-byte character is
 * split across two words, when words are glued to text, or when the encoded text has stray spaces), raw 8-bit UTF-8,
 * and cleans the result of CR, LF and other control characters, because subjects and names travel on into the
 * headers of the mail Rapport sends. Written as a plain scanner: no regular expression to backtrack on hostile input.
 */
final class EncodedWords {

	private EncodedWords() {
	}

	/** The raw bytes of a header value as text: UTF-8 when valid, else the charset they look like, else windows-1252. */
	static String headerText(byte[] raw) {
		return Charsets.decode(raw, null).text();
	}

	/** {@code value} with its encoded words decoded and control characters turned into single spaces; null stays null. */
	static String decode(String value) {
		if (value == null) {
			return null;
		}
		return clean(value.indexOf("=?") < 0 ? value : decodeWords(value));
	}

	/** Control characters (CR, LF, tabs, C1 controls, line separators) become spaces; runs of spaces become one. */
	static String clean(String value) {
		return RawHeaders.clean(value);
	}

	private static String decodeWords(String value) {
		StringBuilder out = new StringBuilder(value.length());
		ByteArrayOutputStream pending = new ByteArrayOutputStream();
		String pendingCharset = null;
		int i = 0;
		int plainStart = 0;
		while (i < value.length()) {
			Word word = value.startsWith("=?", i) ? Word.at(value, i) : null;
			if (word == null) {
				i++;
				continue;
			}
			String between = value.substring(plainStart, i);
			boolean adjacent = pendingCharset != null && between.isBlank();
			if (!adjacent || !word.charset.equals(pendingCharset)) {
				flush(out, pending, pendingCharset);
				pendingCharset = null;
				if (!adjacent) {
					out.append(between);
				}
			}
			pendingCharset = word.charset;
			pending.writeBytes(word.bytes);
			i = word.end;
			plainStart = i;
		}
		flush(out, pending, pendingCharset);
		out.append(value, plainStart, value.length());
		return out.toString();
	}

	private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
		if (charset != null) {
			out.append(Charsets.decode(pending.toByteArray(), charset).text());
		}
		pending.reset();
	}

	/** One encoded word {@code =?charset?B|Q?text?=} found at a position, decoded to bytes. */
	private record Word(String charset, byte[] bytes, int end) {

		private static final int MAX_WORD = 1000;

		static Word at(String value, int start) {
			int q1 = find(value, "?", start + 2, start + 80);
			if (q1 < 0 || q1 + 3 >= value.length() || value.charAt(q1 + 2) != '?') {
				return null;
			}
			char encoding = Character.toUpperCase(value.charAt(q1 + 1));
			int close = find(value, "?=", q1 + 3, start + MAX_WORD);
			if (close < 0 || (encoding != 'B' && encoding != 'Q')) {
				return null;
			}
			String charset = value.substring(start + 2, q1);
			int star = charset.indexOf('*');
			charset = (star >= 0 ? charset.substring(0, star) : charset).toLowerCase(Locale.ROOT);
			String text = value.substring(q1 + 3, close);
			byte[] bytes = encoding == 'B' ? base64(text) : quoted(text);
			return bytes == null ? null : new Word(charset, bytes, close + 2);
		}

		/** Where {@code what} starts in {@code value} between {@code from} and {@code limit}, or -1: bounded work. */
		private static int find(String value, String what, int from, int limit) {
			int end = Math.min(value.length() - what.length(), limit);
			for (int i = from; i <= end; i++) {
				if (value.startsWith(what, i)) {
					return i;
				}
			}
			return -1;
		}

		private static byte[] base64(String text) {
			StringBuilder clean = new StringBuilder(text.length());
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/') {
					clean.append(c);
				}
			}
			int whole = clean.length() - clean.length() % 4;
			String padded = clean.length() % 4 >= 2 ? clean + "==".substring(clean.length() % 4 - 2) : clean.substring(0, whole);
			try {
				return Base64.getDecoder().decode(padded);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		private static byte[] quoted(String text) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
				int lo = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
				if (c == '=' && hi >= 0 && lo >= 0) {
					out.write(hi * 16 + lo);
					i += 2;
				}
				else if (c == '_') {
					out.write(' ');
				}
				else {
					out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
				}
			}
			return out.toByteArray();
		}
	}
}

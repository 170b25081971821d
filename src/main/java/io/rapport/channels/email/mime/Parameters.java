package io.rapport.channels.email.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a {@code Content-Type} or {@code Content-Disposition} value, with RFC 2231 continuations
 * ({@code filename*0*=}, {@code filename*1=}) joined and their charsets applied, and RFC 2047 encoded words decoded
 * (what Outlook and Gmail still write in {@code name=} and {@code filename=}). Raw 8-bit names are read as the
 * header text they came in.
 */
final class Parameters {

	private final Map<String, String> values = new LinkedHashMap<>();

	private Parameters() {
	}

	/** Parses the part after the first {@code ;} of a header value; null reads as no parameters. */
	static Parameters of(String headerValue) {
		Parameters parameters = new Parameters();
		if (headerValue == null) {
			return parameters;
		}
		Map<String, TreeMap<Integer, String[]>> sections = new LinkedHashMap<>();
		int i = headerValue.indexOf(';');
		int eq = -1;
		while (i >= 0 && i < headerValue.length()) {
			eq = eq > i ? eq : headerValue.indexOf('=', i + 1);
			if (eq < 0) {
				break;
			}
			int semi = headerValue.indexOf(';', i + 1);
			if (semi >= 0 && semi < eq) {
				i = semi;
				continue;
			}
			String name = headerValue.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
			StringBuilder value = new StringBuilder();
			i = readValue(headerValue, eq + 1, value);
			section(sections, name, value.toString());
		}
		sections.forEach((name, parts) -> parameters.values.put(name, join(parts)));
		return parameters;
	}

	/** The value of a parameter as written (RFC 2231 sections joined), for tokens such as a boundary; or null. */
	String raw(String name) {
		return values.get(name);
	}

	/** The decoded value of a parameter, or null. */
	String get(String name) {
		String value = values.get(name);
		return value == null ? null : EncodedWords.decode(value);
	}

	private static int readValue(String text, int from, StringBuilder value) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		if (i < text.length() && text.charAt(i) == '"') {
			for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
				if (text.charAt(i) == '\\' && i + 1 < text.length()) {
					i++;
				}
				value.append(text.charAt(i));
			}
			int semi = text.indexOf(';', i);
			return semi < 0 ? text.length() : semi;
		}
		int semi = text.indexOf(';', i);
		int end = semi < 0 ? text.length() : semi;
		value.append(text, i, end);
		value.setLength(value.toString().strip().length());
		return end;
	}

	/** Files a value under its base name: {@code name*N*} is section N, encoded; {@code name*} is encoded. */
	private static void section(Map<String, TreeMap<Integer, String[]>> sections, String name, String value) {
		boolean encoded = name.endsWith("*");
		String bare = encoded ? name.substring(0, name.length() - 1) : name;
		int star = bare.indexOf('*');
		int index = 0;
		if (star >= 0) {
			try {
				index = Integer.parseInt(bare.substring(star + 1));
			}
			catch (NumberFormatException ex) {
				index = 0;
			}
			bare = bare.substring(0, star);
		}
		TreeMap<Integer, String[]> parts = sections.computeIfAbsent(bare, key -> new TreeMap<>());
		if (star < 0 && !encoded && !parts.isEmpty()) {
			return;
		}
		parts.put(index, new String[] { value, encoded ? "*" : "" });
	}

	private static String join(TreeMap<Integer, String[]> parts) {
		String charset = null;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		StringBuilder plain = new StringBuilder();
		boolean anyEncoded = false;
		for (String[] part : parts.values()) {
			String value = part[0];
			if (!part[1].isEmpty()) {
				anyEncoded = true;
				if (charset == null) {
					int first = value.indexOf('\'');
					int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
					charset = second < 0 ? "utf-8" : value.substring(0, first);
					value = second < 0 ? value : value.substring(second + 1);
				}
				percentDecode(value, bytes);
			}
			else {
				bytes.writeBytes(value.getBytes(StandardCharsets.UTF_8));
			}
			plain.append(value);
		}
		return anyEncoded ? Charsets.decode(bytes.toByteArray(), charset.isEmpty() ? "utf-8" : charset).text()
				: plain.toString();
	}

	private static void percentDecode(String value, ByteArrayOutputStream out) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
			int lo = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
			if (c == '%' && hi >= 0 && lo >= 0) {
				out.write(hi * 16 + lo);
				i += 2;
			}
			else {
				out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
	}
}

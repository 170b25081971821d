package io.rapport.channels.email.mime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.rapport.channels.email.RawHeaders;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.stream.RawField;

/**
 * Reads the header fields of a mail that the pipeline uses: addresses with decoded names, Message-IDs without
 * angle brackets, the date, and the values of the RFC 3834 and list fields, every value cleaned of CR/LF.
 */
final class MailHeaders {

	private MailHeaders() {
	}

	static List<ParsedMail.Address> addresses(List<String> values) {
		List<ParsedMail.Address> addresses = new ArrayList<>();
		for (String value : values) {
			addresses.addAll(addresses(value));
		}
		return addresses;
	}

	/**
	 * The addresses of a field: {@code Name <a@b>}, {@code "Last, First" <a@b>}, {@code a@b (Name)} and bare
	 * {@code a@b}, separated by commas outside quotes and angle brackets; groups' names and entries without an
	 * {@code @} are skipped. A scanner of our own: mime4j's parser loses characters after non-ASCII names.
	 */
	static List<ParsedMail.Address> addresses(String value) {
		List<ParsedMail.Address> addresses = new ArrayList<>();
		if (value == null || value.isBlank()) {
			return addresses;
		}
		boolean quoted = false;
		int angle = 0;
		int start = 0;
		for (int i = 0; i <= value.length(); i++) {
			char c = i < value.length() ? value.charAt(i) : ',';
			if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
				quoted = !quoted;
			}
			else if (!quoted && c == '<') {
				angle++;
			}
			else if (!quoted && c == '>' && angle > 0) {
				angle--;
			}
			else if (!quoted && angle == 0 && (c == ',' || c == ';') || i == value.length()) {
				ParsedMail.Address address = address(value.substring(start, Math.min(i, value.length())));
				if (address != null) {
					addresses.add(address);
				}
				start = i + 1;
			}
		}
		return addresses;
	}

	private static ParsedMail.Address address(String entry) {
		String text = entry;
		int colon = text.indexOf(':');
		int word = text.indexOf("=?");
		if (colon >= 0 && text.indexOf('"') < 0 && colon < text.indexOf('@') && (word < 0 || word > colon)) {
			text = text.substring(colon + 1);
		}
		String email;
		String name;
		int open = text.lastIndexOf('<');
		int close = open < 0 ? -1 : text.indexOf('>', open);
		if (open >= 0 && close > open) {
			email = text.substring(open + 1, close);
			name = text.substring(0, open);
		}
		else {
			int paren = text.indexOf('(');
			int end = paren < 0 ? -1 : text.lastIndexOf(')');
			email = paren < 0 ? text : text.substring(0, paren);
			name = paren >= 0 && end > paren ? text.substring(paren + 1, end) : null;
		}
		email = EncodedWords.clean(email).replace(" ", "").toLowerCase(Locale.ROOT);
		if (email.startsWith("mailto:")) {
			email = email.substring("mailto:".length());
		}
		int at = email.lastIndexOf('@');
		if (at <= 0 || at == email.length() - 1) {
			return null;
		}
		name = name == null ? null : EncodedWords.decode(unquote(name.strip()));
		return new ParsedMail.Address(email, name == null || name.isBlank() ? null : name);
	}

	private static String unquote(String name) {
		String plain = name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
				? name.substring(1, name.length() - 1) : name;
		return plain.replace("\\\"", "\"").replace("\\\\", "\\");
	}

	static ParsedMail.Address first(String value) {
		List<ParsedMail.Address> addresses = addresses(value);
		return addresses.isEmpty() ? null : addresses.get(0);
	}

	/** Every {@code <id>} in a field, without brackets; bare ids with an {@code @} when there are no brackets. */
	static List<String> ids(String value) {
		return RawHeaders.ids(value);
	}

	static String firstId(String value) {
		List<String> ids = ids(value);
		return ids.isEmpty() ? null : ids.get(0);
	}

	/** The Return-Path address: "" for the null sender {@code <>}, null when absent. */
	static String returnPath(String value) {
		if (value == null) {
			return null;
		}
		String clean = EncodedWords.clean(value);
		if (clean.isEmpty() || clean.replace(" ", "").equals("<>")) {
			return "";
		}
		int open = clean.indexOf('<');
		int close = clean.indexOf('>', open + 1);
		String address = open >= 0 && close > open ? clean.substring(open + 1, close) : clean;
		return address.strip().toLowerCase(Locale.ROOT);
	}

	static Instant date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			java.util.Date date = DateTimeFieldLenientImpl.PARSER.parse(new RawField("Date", value), DecodeMonitor.SILENT)
				.getDate();
			return date == null ? null : date.toInstant();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}
}

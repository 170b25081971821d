package io.rapport.channels.email.mime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
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

	static List<ParsedMail.Address> addresses(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		List<ParsedMail.Address> addresses = new ArrayList<>();
		try {
			MailboxList mailboxes = LenientAddressParser.DEFAULT.parseAddressList(value).flatten();
			for (Mailbox mailbox : mailboxes) {
				String email = EncodedWords.clean(mailbox.getAddress());
				if (email != null && email.indexOf('@') > 0) {
					String name = EncodedWords.decode(mailbox.getName());
					addresses.add(new ParsedMail.Address(email.toLowerCase(Locale.ROOT),
							name == null || name.isBlank() ? null : name));
				}
			}
		}
		catch (RuntimeException ex) {
			return List.of();
		}
		return addresses;
	}

	static ParsedMail.Address first(String value) {
		List<ParsedMail.Address> addresses = addresses(value);
		return addresses.isEmpty() ? null : addresses.get(0);
	}

	/** Every {@code <id>} in a field, without brackets; bare ids with an {@code @} when there are no brackets. */
	static List<String> ids(String value) {
		List<String> ids = new ArrayList<>();
		if (value == null) {
			return ids;
		}
		int i = value.indexOf('<');
		while (i >= 0) {
			int close = value.indexOf('>', i + 1);
			if (close < 0) {
				break;
			}
			String id = EncodedWords.clean(value.substring(i + 1, close)).replace(" ", "");
			if (!id.isEmpty()) {
				ids.add(id);
			}
			i = value.indexOf('<', close + 1);
		}
		if (ids.isEmpty()) {
			for (String token : EncodedWords.clean(value).split(" ")) {
				if (token.indexOf('@') > 0) {
					ids.add(token);
				}
			}
		}
		return ids;
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

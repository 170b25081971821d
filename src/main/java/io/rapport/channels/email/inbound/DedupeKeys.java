package io.rapport.channels.email.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key a mailbox deduplicates received mail on: the Message-ID, read straight from the raw header block (the
 * mail is stored before it is parsed), or a SHA-256 of the raw bytes when it has none. A Message-ID longer than
 * the 250 characters a ticket's external id holds is hashed too.
 */
final class DedupeKeys {

	static final int MAX_KEY = 250;

	/** How far into the mail a Message-ID header is looked for; a header block this long is a bomb anyway. */
	private static final int SCAN_LIMIT = 256 * 1024;

	private DedupeKeys() {
	}

	/** The Message-ID without angle brackets, or null when the header block has none. */
	static String messageId(byte[] raw) {
		String head = new String(raw, 0, Math.min(raw.length, SCAN_LIMIT), StandardCharsets.ISO_8859_1);
		int end = headerEnd(head);
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
			else if (line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
				value = line.substring("message-id:".length()).strip();
			}
			start = eol + 1;
		}
		return clean(value);
	}

	static String of(String messageId, byte[] raw) {
		if (messageId != null && messageId.length() <= MAX_KEY) {
			return messageId;
		}
		return "sha256:" + sha256(messageId != null ? messageId.getBytes(StandardCharsets.UTF_8) : raw);
	}

	private static int headerEnd(String head) {
		int crlf = head.indexOf("\r\n\r\n");
		int lf = head.indexOf("\n\n");
		int end = crlf < 0 ? lf : lf < 0 ? crlf : Math.min(crlf, lf);
		return end < 0 ? head.length() : end;
	}

	private static String clean(String value) {
		if (value == null) {
			return null;
		}
		int open = value.indexOf('<');
		int close = value.indexOf('>', open + 1);
		String id = open >= 0 && close > open ? value.substring(open + 1, close) : value;
		id = id.replaceAll("[\\p{Cntrl}\\s]", "");
		return id.isEmpty() ? null : id.length() > 998 ? id.substring(0, 998) : id;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}

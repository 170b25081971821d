package io.rapport.channels.email.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.rapport.channels.email.RawHeaders;

/**
 * The key a mailbox deduplicates received mail on: the Message-ID, read straight from the raw header block (the
 * mail is stored before it is parsed), or a SHA-256 of the raw bytes when it has none. A Message-ID longer than
 * the 250 characters a ticket's external id holds is hashed too.
 */
final class DedupeKeys {

	static final int MAX_KEY = 250;

	private DedupeKeys() {
	}

	/** The Message-ID without angle brackets, or null when the header block has none. */
	static String messageId(byte[] raw) {
		return clean(RawHeaders.field(raw, "Message-ID"));
	}

	static String of(String messageId, byte[] raw) {
		if (messageId != null && messageId.length() <= MAX_KEY) {
			return messageId;
		}
		return "sha256:" + sha256(messageId != null ? messageId.getBytes(StandardCharsets.UTF_8) : raw);
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

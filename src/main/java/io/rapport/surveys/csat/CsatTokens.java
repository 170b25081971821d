package io.rapport.surveys.csat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Survey link tokens: 256 random bits, given only in the mail; the database keeps their SHA-256, so a copy of it
 * opens no survey. A token names one survey, and so one ticket and one contact.
 */
final class CsatTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private CsatTokens() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The stored form of a token; null for a value that cannot be a token (so no lookup is made). */
	static String hash(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return null;
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

package io.rapport.channels.email.mailboxes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * The bearer secrets of the push endpoint. Only their SHA-256 is stored: a stolen database does not let anyone
 * push mail, and the secret itself is shown once, when it is made. A secret has 256 random bits, so a plain hash
 * is enough (no salt or slow hash needed, unlike a password people choose).
 */
@Component
class InboundSecrets {

	static final String PREFIX = "rmi_";

	private final SecureRandom random = new SecureRandom();

	/** A new secret, such as {@code rmi_3q2x…}. */
	String generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	/** Whether a presented secret is the one whose hash is stored, compared in constant time. */
	static boolean matches(String presented, String storedHash) {
		if (presented == null || storedHash == null) {
			return false;
		}
		byte[] given = hash(presented).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(given, storedHash.getBytes(StandardCharsets.US_ASCII));
	}
}

package io.rapport.shared.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts secrets stored in the database (mailbox passwords, OAuth tokens, webhook secrets) with AES-256-GCM
 * under a key derived from the installation's secret ({@link SecretKeys}). A sealed value reads
 * {@code v1:<base64 of 12-byte nonce, ciphertext and tag>}; the optional context (say, {@code mailbox:7:imap})
 * is authenticated too, so a sealed value copied into another row does not open there.
 */
@Component
public class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	SecretBox(SecretKeys keys) {
		this.key = new SecretKeySpec(keys.derive("encryption"), "AES");
	}

	/** The sealed form of a secret, or null for null. */
	public String seal(String plaintext, String context) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	/**
	 * The secret a sealed value holds, or null for null.
	 * @throws IllegalStateException when the value was sealed under another key or context, or altered
	 */
	public String open(String sealed, String context) {
		if (sealed == null) {
			return null;
		}
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalStateException("Not a sealed secret");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("A stored secret cannot be opened: was RAPPORT_SECRET_KEY changed?", e);
		}
	}
}

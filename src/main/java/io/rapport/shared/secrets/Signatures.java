package io.rapport.shared.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signs and verifies what Rapport hands out and later gets back: mail reply tokens, verification and reset
 * links, survey links, widget identity, webhook payloads. HMAC-SHA256 under a key derived from the installation's
 * secret, a purpose mixed into every signature (a mail token is never a valid reset link), and constant-time
 * comparison.
 */
@Component
public class Signatures {

	private final byte[] key;

	private final Clock clock;

	/** Initialized once with the key and never used itself: each signature works on a copy (see {@link #hmac}). */
	private final Mac prototype;

	Signatures(SecretKeys keys, Clock clock) {
		this.key = keys.derive("signatures");
		this.clock = clock;
		this.prototype = newMac();
	}

	/**
	 * A short signature of a payload, in lowercase hex, for places with little room (a Message-ID, a plus
	 * address). {@code hexChars} of 12 gives 48 bits: enough against guessing when each guess costs a mail.
	 */
	public String mac(String purpose, String payload, int hexChars) {
		return HexFormat.of().formatHex(hmac(purpose, payload)).substring(0, Math.min(64, hexChars));
	}

	/** Whether {@code mac} is the signature {@link #mac} gives for the payload (at least 8 hex chars). */
	public boolean verifyMac(String purpose, String payload, String mac) {
		if (mac == null || mac.length() < 8 || mac.length() > 64) {
			return false;
		}
		byte[] expected = mac(purpose, payload, mac.length()).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, mac.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * A URL-safe token carrying a subject (a contact id, an email address) until it expires:
	 * {@code base64url(expiry-epoch-seconds|subject).base64url(hmac)}. The expiry is inside the signed payload.
	 */
	public String issue(String purpose, String subject, Instant expiresAt) {
		String payload = expiresAt.getEpochSecond() + "|" + subject;
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(hmac(purpose, payload));
	}

	/** The subject of a token issued for this purpose, when its signature holds and it has not expired. */
	public Optional<String> verify(String purpose, String token) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot == token.length() - 1 || token.length() > 2048) {
			return Optional.empty();
		}
		try {
			String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
			// Compared as text, so only the token as issued passes: base64's last character carries bits a decoder
			// ignores, and a second spelling of the same token would be a second valid link.
			Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
			byte[] expected = (b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
					+ b64.encodeToString(hmac(purpose, payload))).getBytes(StandardCharsets.US_ASCII);
			if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
				return Optional.empty();
			}
			int bar = payload.indexOf('|');
			long expiry = Long.parseLong(payload.substring(0, bar));
			if (!clock.instant().isBefore(Instant.ofEpochSecond(expiry))) {
				return Optional.empty();
			}
			return Optional.of(payload.substring(bar + 1));
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException malformed) {
			return Optional.empty();
		}
	}

	private byte[] hmac(String purpose, String payload) {
		Mac mac = copy();
		mac.update(purpose.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A copy of the keyed prototype: cloning skips the provider lookup and the key schedule that
	 * {@code Mac.getInstance} and {@code init} cost on every signature (each mail sent signs its Message-ID and
	 * reply address). A provider whose Mac cannot be cloned gets a new one each time.
	 */
	private Mac copy() {
		try {
			return (Mac) prototype.clone();
		}
		catch (CloneNotSupportedException e) {
			return newMac();
		}
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}

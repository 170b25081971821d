package io.rapport.billing.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature as Stripe documents it: the {@code Stripe-Signature} header reads
 * {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=...]}; a v1 is the HMAC-SHA256, keyed with the endpoint's
 * secret ({@code whsec_...}, used as is), of {@code t + "." + raw body}. Valid when any v1 matches (compared in
 * constant time) and t lies within the tolerance of now, either side.
 */
final class StripeSignature {

	static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

	private StripeSignature() {
	}

	static boolean valid(String header, byte[] payload, String secret, Instant now, Duration tolerance) {
		if (header == null || secret == null || secret.isEmpty() || header.length() > 4096) {
			return false;
		}
		Long timestamp = null;
		java.util.List<String> signatures = new java.util.ArrayList<>();
		for (String part : header.split(",")) {
			int eq = part.indexOf('=');
			if (eq < 0) {
				continue;
			}
			String key = part.substring(0, eq).strip();
			String value = part.substring(eq + 1).strip();
			if (key.equals("t")) {
				try {
					timestamp = Long.parseLong(value);
				}
				catch (NumberFormatException e) {
					return false;
				}
			}
			else if (key.equals("v1")) {
				signatures.add(value);
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			return false;
		}
		if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
			return false;
		}
		byte[] expected = sign(timestamp, payload, secret);
		boolean match = false;
		for (String signature : signatures) {
			byte[] given;
			try {
				given = HexFormat.of().parseHex(signature.toLowerCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				continue;
			}
			match |= MessageDigest.isEqual(expected, given);
		}
		return match;
	}

	/** The v1 signature of a payload at a time: what Stripe sends, and what tests sign fixtures with. */
	static byte[] sign(long timestamp, byte[] payload, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

	static String header(long timestamp, byte[] payload, String secret) {
		return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(timestamp, payload, secret));
	}
}

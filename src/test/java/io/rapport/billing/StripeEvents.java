package io.rapport.billing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The recorded Stripe payloads under {@code src/test/resources/billing/}, with their ids and times filled in, and
 * signed the way Stripe signs them (written here again, not taken from the code under test).
 */
final class StripeEvents {

	static final String SECRET = "whsec_test0Secret1For2Rapport3Billing4";

	private StripeEvents() {
	}

	/** A fixture with {@code {{name}}} placeholders replaced: {@code event("invoice.paid", "event", "evt_1", ...)}. */
	static byte[] event(String fixture, Object... pairs) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		String text;
		try (InputStream in = StripeEvents.class.getResourceAsStream("/billing/" + fixture + ".json")) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		for (var e : values.entrySet()) {
			text = text.replace("{{" + e.getKey() + "}}", String.valueOf(e.getValue()));
		}
		if (text.contains("{{")) {
			throw new IllegalArgumentException("A placeholder is left in " + fixture + ": " + text);
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
	static String signature(long seconds, byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((seconds + ".").getBytes(StandardCharsets.UTF_8));
			return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}

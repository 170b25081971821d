package io.rapport.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.junit.jupiter.api.Test;

/** Base64 bodies are decoded by the JDK where it can, and must read exactly as mime4j's lenient decoder reads them. */
class MimeTreeBase64Tests {

	@Test
	void shouldDecodeEveryBodyAsMime4jDoesWhetherWellFormedOrDamaged() throws IOException {
		Random random = new Random(20261203);
		String[] breaks = { "\r\n", "\n", " \r\n", "\t\n" };
		for (int i = 0; i < 20_000; i++) {
			byte[] data = new byte[random.nextInt(300)];
			random.nextBytes(data);
			String encoded = Base64.getMimeEncoder(4 * (1 + random.nextInt(19)),
					breaks[random.nextInt(breaks.length)].getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
			StringBuilder body = new StringBuilder(encoded);
			int damage = random.nextInt(6);
			switch (damage) {
				case 0 -> body.setLength(Math.max(0, body.length() - 1 - random.nextInt(3))); // cut short
				case 1 -> body.insert(random.nextInt(body.length() + 1), "=="); // padding in the middle
				case 2 -> body.insert(random.nextInt(body.length() + 1), "*%\u00e9!"); // not of the alphabet
				case 3 -> body.append("\r\n\r\n-- \r\nsigned, after the end");
				case 4 -> body.append(random.nextBoolean() ? "\r\n" : "");
				default -> {
				}
			}
			byte[] input = body.toString().getBytes(StandardCharsets.ISO_8859_1);
			assertThat(MimeTree.base64(input)).as("body %d: %s", i, body).isEqualTo(mime4j(input));
			if (damage >= 4) { // well formed: the bytes encoded
				assertThat(MimeTree.base64(input)).isEqualTo(data);
			}
		}
	}

	private static byte[] mime4j(byte[] encoded) throws IOException {
		try (InputStream in = new Base64InputStream(new ByteArrayInputStream(encoded), DecodeMonitor.SILENT)) {
			return in.readAllBytes();
		}
	}
}

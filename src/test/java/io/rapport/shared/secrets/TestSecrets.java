package io.rapport.shared.secrets;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.mock.env.MockEnvironment;

import io.rapport.shared.RapportProperties;

/** Signatures and sealed boxes under a given key, for unit tests of the classes that use them. */
public final class TestSecrets {

	private TestSecrets() {
	}

	public static Signatures signatures(String key, Clock clock) {
		return new Signatures(keys(key), clock);
	}

	public static SecretBox box(String key) {
		return new SecretBox(keys(key));
	}

	private static SecretKeys keys(String key) {
		return new SecretKeys(new RapportProperties(Path.of("target/unused"), null, null, null),
				new MockEnvironment().withProperty("rapport.secret-key", key));
	}
}

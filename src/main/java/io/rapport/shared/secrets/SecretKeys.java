package io.rapport.shared.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import io.rapport.shared.RapportProperties;

/**
 * The installation's one secret, from which the keys for encryption ({@link SecretBox}) and signatures
 * ({@link Signatures}) are derived. It comes from {@code RAPPORT_SECRET_KEY} (any string of at least 32
 * characters, or base64 of 32 random bytes); without it, the embedded mode creates {@code secret.key} once in
 * the data directory, readable by its owner only. The {@code prod} profile refuses to start without the variable:
 * a key beside the data it protects protects nothing once a backup leaks.
 */
@Component
class SecretKeys {

	private final byte[] master;

	SecretKeys(RapportProperties properties, Environment environment) {
		String configured = environment.getProperty("rapport.secret-key", "");
		if (!configured.isBlank()) {
			this.master = fromConfigured(configured.strip());
		}
		else if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("The prod profile needs RAPPORT_SECRET_KEY (at least 32 characters, "
					+ "for example the output of `openssl rand -base64 32`): it encrypts stored passwords and signs "
					+ "links and mail threading. See docs/deploy.md.");
		}
		else {
			this.master = fromKeyFile(properties.dataDir().resolve("secret.key"));
		}
	}

	/** A key for one purpose ("encryption", "signatures"), so that no two uses share key material. */
	byte[] derive(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(("rapport:" + purpose).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] fromConfigured(String value) {
		try {
			byte[] decoded = Base64.getDecoder().decode(value);
			if (decoded.length >= 32) {
				return decoded;
			}
		}
		catch (IllegalArgumentException notBase64) {
			// a passphrase, used as it is
		}
		if (value.length() < 32) {
			throw new IllegalStateException("RAPPORT_SECRET_KEY is too short: use at least 32 characters "
					+ "(for example `openssl rand -base64 32`).");
		}
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] fromKeyFile(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				Files.createDirectories(file.toAbsolutePath().getParent());
				try {
					Files.writeString(Files.createFile(file), Base64.getEncoder().encodeToString(key) + "\n");
					try {
						Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
					}
					catch (UnsupportedOperationException notPosix) {
						// Windows: the data directory's own permissions apply
					}
				}
				catch (FileAlreadyExistsException anotherNodeWasFirst) {
					// read below
				}
			}
			byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
			if (key.length < 32) {
				throw new IllegalStateException(file + " holds a key shorter than 32 bytes");
			}
			return Arrays.copyOf(key, key.length);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
		}
	}
}

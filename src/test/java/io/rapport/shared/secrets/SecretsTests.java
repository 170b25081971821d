package io.rapport.shared.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import io.rapport.shared.RapportProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets sealed at rest and tokens signed, keyed from the installation's one secret. */
class SecretsTests {

	static final String KEY = "a-test-secret-of-more-than-thirty-two-characters";

	@TempDir
	Path dataDir;

	@Test
	void shouldOpenWhatItSealedOnlyInTheSameContextAndUnderTheSameKey() {
		SecretBox box = new SecretBox(keys(KEY));
		String sealed = box.seal("imap-password", "mailbox:7:imap");

		assertThat(sealed).startsWith("v1:").doesNotContain("imap-password");
		assertThat(box.seal("imap-password", "mailbox:7:imap")).as("a fresh nonce each time").isNotEqualTo(sealed);
		assertThat(box.open(sealed, "mailbox:7:imap")).isEqualTo("imap-password");
		assertThatThrownBy(() -> box.open(sealed, "mailbox:8:imap")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new SecretBox(keys(KEY + "x")).open(sealed, "mailbox:7:imap"))
			.isInstanceOf(IllegalStateException.class);
		byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(3));
		bytes[20] ^= 1;
		String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(bytes);
		assertThatThrownBy(() -> box.open(tampered, "mailbox:7:imap")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void shouldCreateOneKeyFileInTheDataDirectoryAndKeepUsingIt() throws Exception {
		SecretBox first = new SecretBox(new SecretKeys(properties(), new MockEnvironment()));
		String sealed = first.seal("s", "c");
		Path file = dataDir.resolve("secret.key");

		assertThat(file).exists();
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(
				Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
						java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
		assertThat(new SecretBox(new SecretKeys(properties(), new MockEnvironment())).open(sealed, "c")).isEqualTo("s");
	}

	@Test
	void shouldRefuseToStartUnderProdWithoutAKeyOrWithAShortOne() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		assertThatThrownBy(() -> new SecretKeys(properties(), prod)).hasMessageContaining("RAPPORT_SECRET_KEY");
		assertThat(dataDir.resolve("secret.key")).doesNotExist();
		assertThatThrownBy(() -> keys("short")).hasMessageContaining("too short");
	}

	@Test
	void shouldVerifySignedTokensForTheirPurposeUntilTheyExpire() {
		Instant now = Instant.parse("2026-12-01T10:00:00Z");
		Signatures signatures = new Signatures(keys(KEY), Clock.fixed(now, ZoneOffset.UTC));
		String token = signatures.issue("portal-reset", "contact:42", now.plusSeconds(3600));

		assertThat(signatures.verify("portal-reset", token)).contains("contact:42");
		assertThat(signatures.verify("portal-verify", token)).as("another purpose").isEmpty();
		assertThat(new Signatures(keys(KEY), Clock.fixed(now.plusSeconds(3600), ZoneOffset.UTC))
			.verify("portal-reset", token)).as("expired").isEmpty();
		String forged = token.substring(0, token.indexOf('.')) + "." + "A".repeat(43);
		assertThat(signatures.verify("portal-reset", forged)).isEmpty();
		assertThat(signatures.verify("portal-reset", "not-a-token")).isEmpty();
		assertThat(signatures.verify("portal-reset", null)).isEmpty();
	}

	@Test
	void shouldAcceptATokenOnlyAsIssuedNotASecondSpellingOfItsSignature() {
		Instant now = Instant.parse("2026-12-01T10:00:00Z");
		Signatures signatures = new Signatures(keys(KEY), Clock.fixed(now, ZoneOffset.UTC));
		String token = signatures.issue("nps", "7:42", now.plusSeconds(3600));
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		// the 43rd character of a 32-byte signature carries 4 bits and 2 a decoder ignores: flip one of those
		char last = token.charAt(token.length() - 1);
		String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);

		assertThat(java.util.Base64.getUrlDecoder().decode(respelled.substring(respelled.indexOf('.') + 1)))
			.as("the same signature bytes").isEqualTo(
					java.util.Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1)));
		assertThat(signatures.verify("nps", respelled)).isEmpty();
		assertThat(signatures.verify("nps", token)).contains("7:42");
	}

	@Test
	void shouldCheckShortMacsInConstantTimeAndRefuseTooShortOnes() {
		Signatures signatures = new Signatures(keys(KEY), Clock.systemUTC());
		String mac = signatures.mac("mail-thread", "t12.m34", 12);

		assertThat(mac).hasSize(12).matches("[0-9a-f]+");
		assertThat(signatures.verifyMac("mail-thread", "t12.m34", mac)).isTrue();
		assertThat(signatures.verifyMac("mail-thread", "t12.m34", mac.toUpperCase())).isTrue();
		assertThat(signatures.verifyMac("mail-thread", "t13.m34", mac)).isFalse();
		assertThat(signatures.verifyMac("other", "t12.m34", mac)).isFalse();
		assertThat(signatures.verifyMac("mail-thread", "t12.m34", mac.substring(0, 6))).isFalse();
	}

	@Test
	void shouldSignAsHmacSha256OfPurposeAndPayloadUnderTheDerivedKeyAlsoFromManyThreadsAtOnce() throws Exception {
		SecretKeys keys = keys(KEY);
		Signatures signatures = new Signatures(keys, Clock.systemUTC());
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(keys.derive("signatures"), "HmacSHA256"));
		java.util.List<String> expected = new java.util.ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			mac.update("mail".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			mac.update((byte) 0);
			expected.add(java.util.HexFormat.of().formatHex(
					mac.doFinal(("t" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 24));
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
			for (int t = 0; t < 8; t++) {
				runs.add(pool.submit(() -> {
					for (int i = 0; i < expected.size(); i++) {
						if (!signatures.mac("mail", "t" + i, 24).equals(expected.get(i))) {
							return false;
						}
					}
					return true;
				}));
			}
			for (var run : runs) {
				assertThat(run.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private SecretKeys keys(String key) {
		return new SecretKeys(properties(), new MockEnvironment().withProperty("rapport.secret-key", key));
	}

	private RapportProperties properties() {
		return new RapportProperties(dataDir, null, null, null);
	}
}

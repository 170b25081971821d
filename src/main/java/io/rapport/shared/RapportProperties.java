package io.rapport.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of a Rapport installation.
 *
 * @param dataDir where the embedded mode keeps all its state (database, initial password)
 * @param baseUrl the address people use to reach Rapport, for links in mail and logs
 * @param demo whether an empty database is filled with a believable demo company on first start
 * @param admin the first administrator, created on an empty database
 */
@ConfigurationProperties("rapport")
public record RapportProperties(Path dataDir, String baseUrl, Demo demo, Admin admin) {

	public RapportProperties {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
		demo = demo == null ? new Demo(true, 42L) : demo;
		admin = admin == null ? new Admin(null, null) : admin;
	}

	public record Demo(boolean enabled, Long seed) {
	}

	public record Admin(String email, String password) {
	}
}

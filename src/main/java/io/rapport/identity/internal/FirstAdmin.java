package io.rapport.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import io.rapport.identity.Role;
import io.rapport.shared.RapportProperties;
import io.rapport.shared.StartupBanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty database, creates the first administrator from {@code RAPPORT_ADMIN_EMAIL} and
 * {@code RAPPORT_ADMIN_PASSWORD}, or {@code admin@localhost} with a random password that is printed once (and, in
 * the embedded mode, kept in the data directory the way Jenkins keeps its initial password). Prints where to sign
 * in when the server is ready.
 */
@Component
@Order(10)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	static final String PASSWORD_FILE = "initial-admin-password";

	private final Agents agents;

	private final Groups groups;

	private final PasswordEncoder passwords;

	private final RapportProperties properties;

	private final Environment environment;

	private final Clock clock;

	private final ObjectProvider<StartupBanner> banners;

	private String adminEmail;

	private String generatedPassword;

	FirstAdmin(Agents agents, Groups groups, PasswordEncoder passwords, RapportProperties properties,
			Environment environment, Clock clock, ObjectProvider<StartupBanner> banners) {
		this.agents = agents;
		this.groups = groups;
		this.passwords = passwords;
		this.properties = properties;
		this.environment = environment;
		this.clock = clock;
		this.banners = banners;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (agents.count() > 0) {
			return;
		}
		String email = properties.admin().email() == null || properties.admin().email().isBlank()
				? "admin@localhost" : properties.admin().email().strip().toLowerCase();
		String password = properties.admin().password();
		if (password == null || password.isBlank()) {
			password = randomPassword();
			generatedPassword = password;
			keepInDataDir(password);
		}
		Agent admin = new Agent(email, "Administrator", Role.ADMIN, passwords.encode(password), clock.instant());
		groups.findAll().forEach(group -> admin.joinGroup(group.getId()));
		agents.save(admin);
		adminEmail = email;
	}

	@EventListener(ApplicationReadyEvent.class)
	void printWhereToSignIn() {
		String url = properties.baseUrl() != null ? properties.baseUrl()
				: "http://localhost:" + environment.getProperty("local.server.port", "8080");
		StringBuilder message = new StringBuilder("\n\n  Rapport is running at ").append(url).append('\n');
		if (generatedPassword != null) {
			message.append("  Sign in as ").append(adminEmail).append(" with password ").append(generatedPassword)
				.append("\n  (shown once; set RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD to choose your own)\n");
		}
		else if (adminEmail != null) {
			message.append("  Sign in as ").append(adminEmail).append(" with the password from RAPPORT_ADMIN_PASSWORD\n");
		}
		else {
			Path file = properties.dataDir().resolve(PASSWORD_FILE);
			message.append(Files.exists(file)
					? "  Sign in as admin@localhost; the first password is in " + file.toAbsolutePath() + "\n"
					: "  Sign in with your administrator account\n");
		}
		banners.orderedStream().flatMap(banner -> banner.bannerLines().stream())
			.forEach(line -> message.append("  ").append(line).append('\n'));
		log.info(message.toString());
	}

	private void keepInDataDir(String password) {
		if (!isEmbedded()) {
			return;
		}
		try {
			Files.createDirectories(properties.dataDir());
			Files.writeString(properties.dataDir().resolve(PASSWORD_FILE), password + "\n");
		}
		catch (IOException e) {
			log.warn("Could not keep the initial password in {}: {}", properties.dataDir(), e.getMessage());
		}
	}

	private boolean isEmbedded() {
		return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:");
	}

	private static String randomPassword() {
		byte[] bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}

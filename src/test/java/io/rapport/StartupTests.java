package io.rapport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How Rapport starts: the first admin on an empty database, and the prod profile's refusal of H2. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTests {

	@Test
	void shouldCreateFirstAdminWithRandomPasswordPrintedOnceAndKeptInDataDir(@TempDir Path dataDir,
			CapturedOutput output) throws Exception {
		String url = "jdbc:h2:file:" + dataDir.resolve("rapport") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		try (ConfigurableApplicationContext context = start("--rapport.data-dir=" + dataDir,
				"--spring.datasource.url=" + url)) {
			String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
			String hash = context.getBean(JdbcTemplate.class)
				.queryForObject("select password_hash from agents where email = 'admin@localhost'", String.class);

			assertThat(password).hasSizeGreaterThanOrEqualTo(16);
			assertThat(output).contains("Sign in as admin@localhost with password " + password);
			assertThat(hash).startsWith("{bcrypt}");
			assertThat(context.getBean(JdbcTemplate.class).queryForObject(
					"select count(*) from agent_groups g join agents a on a.id = g.agent_id where a.email = 'admin@localhost'",
					Long.class)).isEqualTo(4); // tier1, tier2, sales, success
		}
	}

	@Test
	void shouldRefuseToStartOnTheEmbeddedDatabaseUnderProdProfile(@TempDir Path dataDir) {
		assertThatThrownBy(() -> start("--spring.profiles.active=prod", "--rapport.data-dir=" + dataDir,
				"--rapport.secret-key=" + "k".repeat(40)).close())
			.hasStackTraceContaining("The prod profile needs PostgreSQL");
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 3];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--server.port=0";
		all[args.length + 1] = "--rapport.demo.enabled=false";
		all[args.length + 2] = "--spring.application.name=startup-" + UUID.randomUUID();
		return new SpringApplicationBuilder(RapportApplication.class).run(all);
	}
}

package io.rapport.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.rapport.RapportApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The demo on first start: once, on an empty database, with a password that is printed and kept only in the data dir. */
@ExtendWith(OutputCaptureExtension.class)
class DemoStartupTests {

	@Test
	void shouldFillAnEmptyDatabaseOnceAndPrintTheDemoLogins(@TempDir Path dataDir, CapturedOutput output) throws Exception {
		String url = "jdbc:h2:file:" + dataDir.resolve("rapport")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		try (ConfigurableApplicationContext context = start(dataDir, url)) {
			String password = Files.readString(dataDir.resolve(DemoData.PASSWORD_FILE)).strip();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

			// 80 generated, and 4 made of the mail sandbox's demo mails (SandboxDemo)
			assertThat(jdbc.queryForObject("select count(*) from tickets", Long.class)).isEqualTo(84);
			assertThat(output).contains("Demo password for everyone below: " + password)
				.contains("maya.okafor@brightlane.example");
			assertThat(jdbc.queryForObject("select count(*) from portal_logins", Long.class)).isEqualTo(1);
			assertThat(jdbc.queryForList("select password_hash from agents", String.class))
				.allMatch(hash -> hash.startsWith("{bcrypt}") && !hash.contains(password));
			// Every feature is alive: a shared view, agents' own views, and notifications from live activity
			assertThat(jdbc.queryForList("select name from saved_views where shared = true", String.class))
				.containsExactly(DemoActivity.SHARED_VIEW);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
					"select distinct kind from notifications", String.class)).contains("assigned", "customer_replied",
							"mentioned"));
		}
		int printed = count(output.getOut(), "Demo data is ready");

		try (ConfigurableApplicationContext context = start(dataDir, url)) {
			assertThat(context.getBean(JdbcTemplate.class).queryForObject("select count(*) from tickets", Long.class))
				.isEqualTo(84);
		}
		assertThat(count(output.getOut(), "Demo data is ready")).isEqualTo(printed).isEqualTo(1);
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	private static ConfigurableApplicationContext start(Path dataDir, String url) {
		return new SpringApplicationBuilder(RapportApplication.class).run("--server.port=0",
				"--rapport.data-dir=" + dataDir, "--spring.datasource.url=" + url, "--rapport.demo.enabled=true",
				"--rapport.demo.tickets=80", "--rapport.admin.password=admin-password-1",
				"--spring.application.name=demo-startup-" + UUID.randomUUID());
	}
}

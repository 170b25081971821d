package io.rapport;

import java.time.Instant;

import org.junit.jupiter.api.Tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on the test database (H2, or PostgreSQL in the second Surefire run: tagged {@code db}),
 * with a movable clock, no demo data, and the first admin {@code admin@localhost} / {@link #ADMIN_PASSWORD}.
 * All subclasses share one application context; tests create the rows they need with unique values.
 */
@Tag("db")
@SpringBootTest(properties = { "rapport.demo.enabled=false", "rapport.admin.email=admin@localhost",
		"rapport.admin.password=" + IntegrationTest.ADMIN_PASSWORD, "rapport.data-dir=target/test-data" })
@AutoConfigureMockMvc
@Import(IntegrationTest.TestClock.class)
public abstract class IntegrationTest {

	public static final String ADMIN_PASSWORD = "admin-password-1";

	public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	@Autowired
	protected MutableClock clock;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}
	}
}

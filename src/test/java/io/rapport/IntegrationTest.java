package io.rapport;

import java.time.Instant;

import io.rapport.identity.internal.LoginThrottle;
import org.junit.jupiter.api.AfterEach;
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
 * All subclasses share one application context; tests create the rows they need with unique values. Passwords
 * are hashed at bcrypt cost 4 here (10 or more in production).
 */
@Tag("db")
@SpringBootTest(properties = { "rapport.demo.enabled=false", "rapport.admin.email=admin@localhost",
		"rapport.admin.password=" + IntegrationTest.ADMIN_PASSWORD, "rapport.data-dir=target/test-data",
		"rapport.security.bcrypt-strength=4", "rapport.jobs.enabled=false",
		"rapport.mail.sandbox.enabled=false" })
@AutoConfigureMockMvc
@Import(IntegrationTest.TestClock.class)
public abstract class IntegrationTest {

	public static final String ADMIN_PASSWORD = "admin-password-1";

	public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	@Autowired
	protected MutableClock clock;

	@Autowired
	private LoginThrottle loginThrottle;

	/** Every test starts at {@link #START} with no sign-in attempts counted, whatever the test before it did. */
	@AfterEach
	void resetSharedState() {
		clock.set(START);
		loginThrottle.reset();
	}

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

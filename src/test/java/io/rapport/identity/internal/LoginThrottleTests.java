package io.rapport.identity.internal;

import java.time.Duration;
import java.time.Instant;

import io.rapport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

	final LoginThrottle throttle = new LoginThrottle(clock);

	@Test
	void shouldBlockAnEmailAfterFiveFailuresUntilTheFirstLeavesTheWindow() {
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.waitTime("ana@acme.example", "10.0.0.1")).isZero();
			throttle.failed("ana@acme.example", "10.0.0.1");
			clock.advance(Duration.ofMinutes(1));
		}

		assertThat(throttle.waitTime("ana@acme.example", "10.0.0.2")).isEqualTo(Duration.ofMinutes(10));
		assertThat(throttle.waitTime("bob@acme.example", "10.0.0.2")).isZero();
		clock.advance(Duration.ofMinutes(10));
		assertThat(throttle.waitTime("ana@acme.example", "10.0.0.1")).isZero();
	}

	@Test
	void shouldBlockAnAddressThatGuessesManyEmails() {
		for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
			throttle.failed("user" + i + "@acme.example", "203.0.113.9");
		}

		assertThat(throttle.waitTime("someone@acme.example", "203.0.113.9")).isPositive();
		assertThat(throttle.waitTime("someone@acme.example", "203.0.113.10")).isZero();
	}

	@Test
	void shouldForgetFailuresAfterSuccess() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("ana@acme.example", null);
		}
		throttle.succeeded("ana@acme.example");
		throttle.failed("ana@acme.example", null);

		assertThat(throttle.waitTime("ana@acme.example", null)).isZero();
	}
}

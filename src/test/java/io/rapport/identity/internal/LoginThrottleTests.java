package io.rapport.identity.internal;

import java.time.Duration;
import java.time.Instant;

import io.rapport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

	final LoginThrottle throttle = new LoginThrottle(clock);

	@Test
	void shouldStopOneClientGuessingOneAccountButLetTheOwnerInFromAnotherClient() {
		for (int i = 0; i < LoginThrottle.PAIR_BUDGET; i++) {
			throttle.acquire("ana@acme.example", "10.0.0.1");
			clock.advance(Duration.ofMinutes(1));
		}

		assertThatThrownBy(() -> throttle.acquire("ana@acme.example", "10.0.0.1"))
			.isInstanceOfSatisfying(LoginThrottledException.class,
					e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
		assertThatCode(() -> throttle.acquire("ana@acme.example", "10.0.0.2")).doesNotThrowAnyException();
		clock.advance(Duration.ofMinutes(10));
		assertThatCode(() -> throttle.acquire("ana@acme.example", "10.0.0.1")).doesNotThrowAnyException();
	}

	@Test
	void shouldStopAClientThatGuessesManyAccounts() {
		for (int i = 0; i < LoginThrottle.CLIENT_BUDGET; i++) {
			throttle.acquire("user" + i + "@acme.example", "203.0.113.9");
		}

		assertThatThrownBy(() -> throttle.acquire("someone@acme.example", "203.0.113.9"))
			.isInstanceOf(LoginThrottledException.class);
		assertThatCode(() -> throttle.acquire("someone@acme.example", "203.0.113.10")).doesNotThrowAnyException();
	}

	@Test
	void shouldOnlySlowAnAccountGuessedFromManyClients() {
		for (int i = 0; i < LoginThrottle.ACCOUNT_BUDGET; i++) {
			throttle.acquire("ana@acme.example", "198.51.100." + (i / 4));
		}

		assertThatThrownBy(() -> throttle.acquire("ana@acme.example", "10.0.0.2"))
			.isInstanceOfSatisfying(LoginThrottledException.class,
					e -> assertThat(e.retryAfter()).isEqualTo(LoginThrottle.ACCOUNT_SPACING));
		clock.advance(LoginThrottle.ACCOUNT_SPACING);
		assertThatCode(() -> throttle.acquire("ana@acme.example", "10.0.0.2")).doesNotThrowAnyException();
	}

	@Test
	void shouldGiveBackTheAttemptAndForgiveThePairOnSuccess() {
		for (int i = 0; i < LoginThrottle.PAIR_BUDGET - 1; i++) {
			throttle.acquire("ana@acme.example", "10.0.0.1");
		}
		throttle.succeeded(throttle.acquire("ana@acme.example", "10.0.0.1"));

		for (int i = 0; i < LoginThrottle.PAIR_BUDGET; i++) {
			throttle.acquire("ana@acme.example", "10.0.0.1");
		}
		assertThatThrownBy(() -> throttle.acquire("ana@acme.example", "10.0.0.1"))
			.isInstanceOf(LoginThrottledException.class);
	}

	@Test
	void shouldCountAnAttemptBeforeItsPasswordIsChecked() {
		for (int i = 0; i < LoginThrottle.PAIR_BUDGET; i++) {
			throttle.acquire("ana@acme.example", "10.0.0.1");
		}

		assertThatThrownBy(() -> throttle.acquire("ana@acme.example", "10.0.0.1"))
			.isInstanceOf(LoginThrottledException.class);
	}
}

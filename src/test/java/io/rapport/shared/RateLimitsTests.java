package io.rapport.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.rapport.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets kept in the database: what one instance spent, another (a second node, or this one after a restart)
 * sees; concurrent requests spend the last unit once; a request over any of its budgets spends none.
 */
class RateLimitsTests extends IntegrationTest {

	static final Duration HOUR = Duration.ofHours(1);

	@Autowired
	RateLimits limits;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void forget() {
		limits.forget("test:");
	}

	@Test
	void shouldShareTheBudgetWithAnotherInstance() {
		RateLimits otherNode = new RateLimits(jdbc, clock);
		assertThat(limits.spend(Map.of("test:a", 2), HOUR)).isTrue();
		assertThat(otherNode.spend(Map.of("test:a", 2), HOUR)).isTrue();

		assertThat(limits.spend(Map.of("test:a", 2), HOUR)).isFalse();
		assertThat(otherNode.spend(Map.of("test:a", 2), HOUR)).isFalse();
		clock.advance(HOUR);
		assertThat(otherNode.spend(Map.of("test:a", 2), HOUR)).isTrue();
	}

	@Test
	void shouldSpendTheLastUnitOnceUnderConcurrentRequests() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				answers.add(threads.submit(() -> limits.spend(Map.of("test:busy", 3, "test:client", 100), HOUR)));
			}
			int allowed = 0;
			for (Future<Boolean> answer : answers) {
				allowed += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(3);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void shouldSpendNothingWhenOneBudgetIsUsedUp() {
		assertThat(limits.spend(Map.of("test:x", 1), HOUR)).isTrue();

		assertThat(limits.spend(Map.of("test:x", 1, "test:y", 5), HOUR)).isFalse();

		for (int i = 0; i < 5; i++) {
			assertThat(limits.spend(Map.of("test:y", 5), HOUR)).isTrue();
		}
		assertThat(limits.spend(Map.of("test:y", 5), HOUR)).isFalse();
	}

	@Test
	void shouldRemoveRowsUnusedForADay() {
		limits.spend(Map.of("test:old", 1), HOUR);
		clock.advance(RateLimits.KEEP.plusMinutes(1));

		limits.cleanUp();

		assertThat(jdbc.queryForObject("select count(*) from rate_limits where limit_key = 'test:old'", Long.class))
			.isZero();
	}
}

package io.rapport.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets of requests per key and window, kept in the database: an in-memory count was lost on every restart and
 * each node of a cluster counted only its own share. A request is let through only when every key it spends is
 * under its budget, and then counts against all of them; the rows are locked in key order while they are read,
 * so concurrent requests (two threads, two nodes) take turns and the last unit of a budget is spent once.
 * Each window starts with the first request after the previous one ended.
 */
@Component
public class RateLimits {

	/** Rows whose window ended this long ago are removed by the hourly clean-up. */
	static final Duration KEEP = Duration.ofDays(1);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	RateLimits(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Spends one request of each key's budget ({@code key -> budget}) in windows of {@code window}, or none of
	 * them when any is used up. Answers whether the request may go on.
	 */
	@Transactional
	public boolean spend(Map<String, Integer> budgets, Duration window) {
		Instant now = clock.instant();
		Instant start = now.minus(window);
		Map<String, Integer> sorted = new TreeMap<>(budgets);
		Map<String, Integer> used = new TreeMap<>();
		for (String key : sorted.keySet()) {
			jdbc.update("insert into rate_limits (limit_key, window_start, used) values (?, ?, 0) on conflict do nothing",
					key, Timestamp.from(now));
			List<Integer> current = jdbc.query("select case when window_start > ? then used else 0 end from rate_limits"
					+ " where limit_key = ? for update", (rs, n) -> rs.getInt(1), Timestamp.from(start), key);
			used.put(key, current.isEmpty() ? 0 : current.get(0));
		}
		if (sorted.entrySet().stream().anyMatch(e -> used.get(e.getKey()) >= e.getValue())) {
			return false;
		}
		for (String key : sorted.keySet()) {
			jdbc.update("update rate_limits set window_start = case when window_start > ? then window_start else ? end, "
					+ "used = ? where limit_key = ?", Timestamp.from(start), Timestamp.from(now), used.get(key) + 1, key);
		}
		return true;
	}

	/** Forgets the budgets of these keys (tests, and an admin who lifts a limit). */
	@Transactional
	public void forget(String keyPrefix) {
		jdbc.update("delete from rate_limits where limit_key like ?", keyPrefix.replace("%", "\\%") + "%");
	}

	/** Removes rows nobody has used for a day, so the table holds only the recent keys. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@SchedulerLock(name = "rate-limits-cleanup")
	public void cleanUp() {
		jdbc.update("delete from rate_limits where window_start < ?", Timestamp.from(clock.instant().minus(KEEP)));
	}
}

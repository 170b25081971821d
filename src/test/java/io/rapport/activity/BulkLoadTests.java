package io.rapport.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewAccount;
import io.rapport.demo.UsageSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ActivityApi#load}: raw events and their rollups in one pass, and a retried load stored once. */
class BulkLoadTests extends IntegrationTest {

	@Autowired
	ActivityApi activity;

	@Autowired
	AccountsApi accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldKeepRollupsEqualToARecountOfTheRawEventsAndStoreARetryOnce() {
		long accountId = accounts.createAccount(new NewAccount("Bulk " + System.nanoTime(), null, null)).id();
		UsageSimulator simulator = new UsageSimulator(11, 3, LocalDate.of(2026, 3, 1), 90, 0);
		List<UsageEvent> events = new ArrayList<>();
		for (UsageSimulator.SimulatedAccount a : simulator.accounts()) {
			simulator.events(a, e -> events.add(new UsageEvent("bulk-" + accountId + "-" + events.size(), accountId,
					null, "user-" + a.index() + "-" + e.user(), e.event(), e.at(), e.durationSeconds(),
					e.feature() == null ? null : Map.of("feature", e.feature()))));
		}
		assertThat(events.size()).isGreaterThan(1000);

		int stored = activity.load(events);
		int again = activity.load(events.subList(0, events.size() / 2));

		assertThat(stored).isEqualTo(events.size());
		assertThat(again).isZero();
		assertThat(jdbc.queryForObject("select count(*) from activity_events where account_id = ?", Long.class,
				accountId)).isEqualTo(events.size());
		assertThat(rollups(accountId)).isNotEmpty().containsExactlyInAnyOrderElementsOf(recount(accountId));
		long engagement = events.stream().mapToLong(UsageEvent::durationSeconds).sum();
		assertThat(activity.usage(accountId, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 3, 1), "Session Ended")
			.stream().mapToLong(DailyUsage::durationSeconds).sum()).isEqualTo(engagement).isPositive();
		assertThat(jdbc.queryForObject("select payload from activity_events where account_id = ? and event = "
				+ "'Feature Used' fetch first 1 rows only", String.class, accountId)).contains("\"feature\"");
	}

	@Test
	void shouldStoreEventsWithoutMessageIdsEachTime() {
		long accountId = accounts.createAccount(new NewAccount("Bulk once " + System.nanoTime(), null, null)).id();
		List<UsageEvent> events = List.of(new UsageEvent(null, accountId, null, "u1", "Signed In",
				Instant.parse("2026-02-01T10:00:00Z"), 0, null));

		assertThat(activity.load(events)).isEqualTo(1);
		assertThat(activity.load(events)).isEqualTo(1);
		assertThat(activity.usage(accountId, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1), null))
			.singleElement().satisfies(day -> {
				assertThat(day.count()).isEqualTo(2);
				assertThat(day.users()).isEqualTo(1);
			});
	}

	@Test
	void shouldAddDailySumsToTheRollupsWithoutRawEvents() {
		long accountId = accounts.createAccount(new NewAccount("Rollups " + System.nanoTime(), null, null)).id();
		LocalDate day = LocalDate.of(2026, 2, 3);
		activity.load(List.of(new UsageEvent(null, accountId, null, "u1", "Session Ended",
				day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC), 600, null)));
		String event = "Rollup Loaded " + accountId;

		int loaded = activity.loadRollups(List.of(new UsageRollup(accountId, day, "Session Ended", null, "u1", 4, 900),
				new UsageRollup(accountId, day, "Session Ended", null, "u2", 2, 300),
				new UsageRollup(accountId, day.plusDays(1), event, null, null, 3, 0)));

		assertThat(loaded).isEqualTo(3);
		assertThat(activity.usage(accountId, day, day.plusDays(1), null)).extracting(DailyUsage::event,
				DailyUsage::count, DailyUsage::users, DailyUsage::durationSeconds)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Session Ended", 7L, 2L, 1800L),
					org.assertj.core.groups.Tuple.tuple(event, 3L, 0L, 0L));
		assertThat(activity.totals(accountId, accountId, day, day.plusDays(1)).get(accountId).activeUsers())
			.isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from activity_events where account_id = ?", Long.class,
				accountId)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from activity_event_kinds where event = ?", Long.class, event))
			.isEqualTo(1);
	}

	private List<String> rollups(long accountId) {
		return jdbc.query("select usage_day, event, user_key, event_count, duration_seconds from activity_daily "
				+ "where account_id = ? order by usage_day, event, user_key", (rs, n) -> rs.getDate(1) + "|"
						+ rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4) + "|" + rs.getLong(5),
				accountId);
	}

	/** The rollup rows as a recount of the raw events would make them, durations read from the payloads. */
	private List<String> recount(long accountId) {
		java.util.TreeMap<String, long[]> sums = new java.util.TreeMap<>();
		jdbc.query("select occurred_at, event, user_id, payload from activity_events where account_id = ?", rs -> {
			String day = rs.getTimestamp(1).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
			String payload = rs.getString(4);
			var duration = payload == null ? null
					: java.util.regex.Pattern.compile("\"durationSeconds\":(\\d+)").matcher(payload);
			long[] sum = sums.computeIfAbsent(day + "|" + rs.getString(2) + "|u:" + rs.getString(3), k -> new long[2]);
			sum[0]++;
			sum[1] += duration != null && duration.find() ? Long.parseLong(duration.group(1)) : 0;
		}, accountId);
		List<String> rows = new ArrayList<>();
		sums.forEach((key, sum) -> rows.add(key + "|" + sum[0] + "|" + sum[1]));
		return rows;
	}
}

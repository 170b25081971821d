package io.rapport.activity.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import io.rapport.IntegrationTest;
import io.rapport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of raw events: on PostgreSQL months are created ahead and old months dropped whole; on H2 old rows are
 * deleted. Rollups outlive raw events. MessageIds are remembered for the idempotency window, then forgotten.
 */
class ActivityPartitionsTests extends IntegrationTest {

	@Autowired
	ActivityPartitions partitions;

	@Autowired
	Ingest ingest;

	@Autowired
	JdbcTemplate jdbc;

	private String fact(Instant at, long accountId) {
		String id = "test:" + UUID.randomUUID();
		ingest.facts(List.of(new Ingest.Fact(id, "Feature Used", null, accountId, at, null)));
		return id;
	}

	private long raw(String messageId) {
		return jdbc.queryForObject("select count(*) from activity_events where message_id = ?", Long.class, messageId);
	}

	@Test
	void shouldKeepRawEventsForTheRetentionAndTheirRollupsForEver() {
		long account = 900_000_000L + (System.nanoTime() % 1_000_000);
		Instant january = Instant.parse("2025-01-15T10:00:00Z");
		clock.set(january);
		String old = fact(january, account);
		String messageId = old;
		clock.set(Instant.parse("2026-03-02T10:00:00Z"));
		String recent = fact(clock.instant(), account);

		partitions.maintain();

		assertThat(raw(old)).isZero();
		assertThat(raw(recent)).isOne();
		assertThat(jdbc.queryForObject("select sum(event_count) from activity_daily where account_id = ?", Long.class,
				account)).isEqualTo(2);
		// the January messageId was forgotten long ago: sending it again would count
		assertThat(jdbc.queryForObject("select count(*) from activity_message_ids where message_id = ?", Long.class,
				messageId)).isZero();
		if (TestDatabase.isPostgres()) {
			assertThat(partitions.partitions()).contains("activity_events_2026_03", "activity_events_2026_04",
					"activity_events_2026_05").doesNotContain("activity_events_2025_01");
		}
	}

	@Test
	void shouldNameMonthlyPartitions() {
		assertThat(ActivityPartitions.partition(YearMonth.of(2026, 3))).isEqualTo("activity_events_2026_03");
		assertThat(ActivityPartitions.monthOf("activity_events_2026_03")).isEqualTo(YearMonth.of(2026, 3));
		assertThat(ActivityPartitions.monthOf("activity_events_default")).isNull();
	}
}

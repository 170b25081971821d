package io.rapport.activity.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.rapport.shared.Database;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Daily rollups, kept in step with raw events in the same transaction: a batch is first summed in memory, then each
 * (account, day, event, person) row is added to, so a late event adds to its own day and a rollup never needs a
 * rebuild. Rows are written in key order so that two concurrent batches cannot deadlock on them. On PostgreSQL a
 * batch's rows are one statement ({@code insert ... select from unnest(arrays) on conflict do update}: one round
 * trip and one plan whatever the batch size); elsewhere a JDBC batch of {@code merge}. The Segment ingest, Rapport's
 * own facts and both bulk loads (events and rollups) all write through here, and each write adds to the cohort read
 * models ({@link CohortModel}) in the same transaction.
 */
@Component
class Rollups {

	/** The rollup key. {@code userKey} is empty for facts about an account with no person behind them. */
	record Key(long accountId, LocalDate day, String event, String userKey) {
	}

	private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::accountId).thenComparing(Key::day)
		.thenComparing(Key::event).thenComparing(Key::userKey);

	/** Rows per PostgreSQL statement: the arrays of a big load are sent in slices of this many. */
	static final int SLICE = 10_000;

	private static final String POSTGRES = "insert into activity_daily (account_id, usage_day, event, user_key, "
			+ "event_count, duration_seconds) select * from unnest(?::bigint[], ?::date[], ?::varchar[], ?::varchar[], "
			+ "?::bigint[], ?::bigint[]) on conflict (account_id, usage_day, event, user_key) do update set "
			+ "event_count = activity_daily.event_count + excluded.event_count, "
			+ "duration_seconds = activity_daily.duration_seconds + excluded.duration_seconds";

	private static final String STANDARD = "merge into activity_daily t using (values (cast(? as bigint), "
			+ "cast(? as date), cast(? as varchar(200)), cast(? as varchar(260)), cast(? as bigint), cast(? as bigint))) "
			+ "s (account_id, usage_day, event, user_key, event_count, duration_seconds) on t.account_id = s.account_id "
			+ "and t.usage_day = s.usage_day and t.event = s.event and t.user_key = s.user_key when matched then update set "
			+ "event_count = t.event_count + s.event_count, duration_seconds = t.duration_seconds + s.duration_seconds "
			+ "when not matched then insert (account_id, usage_day, event, user_key, event_count, duration_seconds) values "
			+ "(s.account_id, s.usage_day, s.event, s.user_key, s.event_count, s.duration_seconds)";

	private final JdbcTemplate jdbc;

	private final Database database;

	private final CohortModel cohorts;

	Rollups(JdbcTemplate jdbc, Database database, CohortModel cohorts) {
		this.jdbc = jdbc;
		this.database = database;
		this.cohorts = cohorts;
	}

	/** Sums of a batch before they are written: count and duration per key. */
	static final class Sums {

		private final Map<Key, long[]> sums = new TreeMap<>(ORDER);

		void add(Key key, long durationSeconds) {
			add(key, 1, durationSeconds);
		}

		/** Adds {@code count} events (already summed, e.g. a day of history) and their duration. */
		void add(Key key, long count, long durationSeconds) {
			long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
			sum[0] += count;
			sum[1] += durationSeconds;
		}

		int size() {
			return sums.size();
		}

		boolean isEmpty() {
			return sums.isEmpty();
		}
	}

	void add(Sums sums) {
		if (sums.isEmpty()) {
			return;
		}
		// The read models first, the rollups last: a rollup row is the one concurrent batches most often share (the
		// same person, day and event), and a row lock is held from its statement to the commit, so the statement
		// that takes the most contended locks runs nearest to the commit.
		cohorts.add(sums.sums.keySet());
		List<Map.Entry<Key, long[]>> rows = new ArrayList<>(sums.sums.entrySet());
		if (database.postgres()) {
			for (int from = 0; from < rows.size(); from += SLICE) {
				upsertOnPostgres(rows.subList(from, Math.min(rows.size(), from + SLICE)));
			}
		}
		else {
			jdbc.execute((ConnectionCallback<Void>) connection -> {
				for (int from = 0; from < rows.size(); from += 1000) {
					MergeBatch.run(connection, STANDARD, rows.subList(from, Math.min(rows.size(), from + 1000)),
							(statement, row) -> {
								statement.setLong(1, row.getKey().accountId());
								statement.setDate(2, Date.valueOf(row.getKey().day()));
								statement.setString(3, row.getKey().event());
								statement.setString(4, row.getKey().userKey());
								statement.setLong(5, row.getValue()[0]);
								statement.setLong(6, row.getValue()[1]);
							});
				}
				return null;
			});
		}
	}

	private void upsertOnPostgres(List<Map.Entry<Key, long[]>> rows) {
		int n = rows.size();
		Long[] accounts = new Long[n];
		Date[] days = new Date[n];
		String[] events = new String[n];
		String[] users = new String[n];
		Long[] counts = new Long[n];
		Long[] durations = new Long[n];
		for (int i = 0; i < n; i++) {
			Key key = rows.get(i).getKey();
			accounts[i] = key.accountId();
			days[i] = Date.valueOf(key.day());
			events[i] = key.event();
			users[i] = key.userKey();
			counts[i] = rows.get(i).getValue()[0];
			durations[i] = rows.get(i).getValue()[1];
		}
		jdbc.execute((ConnectionCallback<Integer>) connection -> {
			try (var statement = connection.prepareStatement(POSTGRES)) {
				statement.setArray(1, connection.createArrayOf("bigint", accounts));
				statement.setArray(2, connection.createArrayOf("date", days));
				statement.setArray(3, connection.createArrayOf("varchar", events));
				statement.setArray(4, connection.createArrayOf("varchar", users));
				statement.setArray(5, connection.createArrayOf("bigint", counts));
				statement.setArray(6, connection.createArrayOf("bigint", durations));
				return statement.executeUpdate();
			}
		});
	}
}

package io.rapport.health.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rapport.shared.Database;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The daily snapshots and the value of each measure behind them ({@code health_snapshots},
 * {@code health_measure_values}, as their migration describes: the churn model reads the measure values). A day
 * recomputed replaces its rows; reads for a range of accounts are one statement each.
 */
@Component
class Snapshots {

	/** A stored snapshot. */
	record Snapshot(long accountId, LocalDate day, Integer score, String band, Instant computedAt) {
	}

	/** A measure's stored value and points (null: missing) and its weight that day. */
	record Value(String key, Double value, Double points, double weight) {
	}

	private static final String SNAPSHOTS_FROM_ARRAYS = "insert into health_snapshots (account_id, snapshot_day, "
			+ "score, band, computed_at) select a, ?, s, b, ? from unnest(?::bigint[], ?::integer[], ?::varchar[]) "
			+ "as t(a, s, b)";

	private static final String VALUES_FROM_ARRAYS = "insert into health_measure_values (account_id, snapshot_day, "
			+ "measure_key, measure_value, points, weight) select a, ?, k, v, p, w from unnest(?::bigint[], "
			+ "?::varchar[], ?::float8[], ?::float8[], ?::float8[]) as t(a, k, v, p, w)";

	private final JdbcTemplate jdbc;

	private final Database database;

	Snapshots(JdbcTemplate jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	/**
	 * Replaces the range's snapshots of {@code day} and their measure values. {@code replacing}: some account of the
	 * range may already have a snapshot of that day (a recompute), so its rows are deleted first; the nightly run's
	 * first pass over a new day skips the two deletes. On PostgreSQL the rows go in as one statement per table with
	 * array parameters (a thousand accounts' thirteen thousand measure values were as many executions of a JDBC
	 * batch, 60% of a recompute's database time); elsewhere as JDBC batches.
	 */
	void write(LocalDate day, Instant computedAt, Map<Long, Scoring.Score> scores, long lo, long hi,
			boolean replacing) {
		Date d = Date.valueOf(day);
		if (replacing) {
			jdbc.update("delete from health_measure_values where snapshot_day = ? and account_id between ? and ?",
					d, lo, hi);
			jdbc.update("delete from health_snapshots where snapshot_day = ? and account_id between ? and ?",
					d, lo, hi);
		}
		Timestamp at = Timestamp.from(computedAt);
		if (database.postgres()) {
			writeArrays(d, at, scores);
			return;
		}
		List<Object[]> snapshots = new ArrayList<>();
		List<Object[]> values = new ArrayList<>();
		scores.forEach((account, score) -> {
			snapshots.add(new Object[] { account, d, score.score(), score.band(), at });
			for (Scoring.Part part : score.parts()) {
				values.add(new Object[] { account, d, part.measure().key(), part.value(), part.points(),
						part.measure().weight() });
			}
		});
		jdbc.batchUpdate("insert into health_snapshots (account_id, snapshot_day, score, band, computed_at) "
				+ "values (?, ?, ?, ?, ?)", snapshots);
		jdbc.batchUpdate("insert into health_measure_values (account_id, snapshot_day, measure_key, measure_value, "
				+ "points, weight) values (?, ?, ?, ?, ?, ?)", values);
	}

	private void writeArrays(Date day, Timestamp at, Map<Long, Scoring.Score> scores) {
		int n = scores.size();
		int parts = scores.values().stream().mapToInt(score -> score.parts().size()).sum();
		Long[] accounts = new Long[n];
		Integer[] points = new Integer[n];
		String[] bands = new String[n];
		Long[] valueAccounts = new Long[parts];
		String[] keys = new String[parts];
		Double[] values = new Double[parts];
		Double[] valuePoints = new Double[parts];
		Double[] weights = new Double[parts];
		int i = 0;
		int j = 0;
		for (Map.Entry<Long, Scoring.Score> entry : scores.entrySet()) {
			Scoring.Score score = entry.getValue();
			accounts[i] = entry.getKey();
			points[i] = score.score();
			bands[i++] = score.band();
			for (Scoring.Part part : score.parts()) {
				valueAccounts[j] = entry.getKey();
				keys[j] = part.measure().key();
				values[j] = part.value();
				valuePoints[j] = part.points();
				weights[j++] = part.measure().weight();
			}
		}
		jdbc.execute((ConnectionCallback<Void>) c -> {
			try (PreparedStatement insert = c.prepareStatement(SNAPSHOTS_FROM_ARRAYS)) {
				insert.setDate(1, day);
				insert.setTimestamp(2, at);
				insert.setArray(3, c.createArrayOf("bigint", accounts));
				insert.setArray(4, c.createArrayOf("integer", points));
				insert.setArray(5, c.createArrayOf("varchar", bands));
				insert.executeUpdate();
			}
			try (PreparedStatement insert = c.prepareStatement(VALUES_FROM_ARRAYS)) {
				insert.setDate(1, day);
				insert.setArray(2, c.createArrayOf("bigint", valueAccounts));
				insert.setArray(3, c.createArrayOf("varchar", keys));
				insert.setArray(4, c.createArrayOf("float8", values));
				insert.setArray(5, c.createArrayOf("float8", valuePoints));
				insert.setArray(6, c.createArrayOf("float8", weights));
				insert.executeUpdate();
			}
			return null;
		});
	}

	/** Per account of the range, the newest snapshot on or before {@code day} (before it when {@code strictly}). */
	Map<Long, Snapshot> nearest(long lo, long hi, LocalDate day, boolean strictly) {
		String op = strictly ? "<" : "<=";
		Map<Long, Snapshot> found = new HashMap<>();
		jdbc.query("select s.account_id, s.snapshot_day, s.score, s.band, s.computed_at from health_snapshots s "
				+ "where s.account_id between ? and ? and s.snapshot_day = (select max(p.snapshot_day) from "
				+ "health_snapshots p where p.account_id = s.account_id and p.snapshot_day " + op + " ?)", rs -> {
					Snapshot s = snapshot(rs);
					found.put(s.accountId(), s);
				}, lo, hi, Date.valueOf(day));
		return found;
	}

	/** Per account of the range, the day of its newest snapshot. */
	Map<Long, LocalDate> newestDays(long lo, long hi) {
		Map<Long, LocalDate> days = new HashMap<>();
		jdbc.query("select account_id, max(snapshot_day) from health_snapshots where account_id between ? and ? "
				+ "group by account_id", rs -> {
					days.put(rs.getLong(1), rs.getDate(2).toLocalDate());
				}, lo, hi);
		return days;
	}

	Optional<Snapshot> latest(long accountId) {
		return jdbc.query("select account_id, snapshot_day, score, band, computed_at from health_snapshots where "
				+ "account_id = ? order by snapshot_day desc fetch first 1 rows only", (rs, n) -> snapshot(rs), accountId)
			.stream().findFirst();
	}

	Optional<Snapshot> onOrBefore(long accountId, LocalDate day) {
		return jdbc.query("select account_id, snapshot_day, score, band, computed_at from health_snapshots where "
				+ "account_id = ? and snapshot_day <= ? order by snapshot_day desc fetch first 1 rows only",
				(rs, n) -> snapshot(rs), accountId, Date.valueOf(day)).stream().findFirst();
	}

	Map<String, Value> values(long accountId, LocalDate day) {
		Map<String, Value> values = new HashMap<>();
		jdbc.query("select measure_key, measure_value, points, weight from health_measure_values where account_id = ? "
				+ "and snapshot_day = ?", rs -> {
					values.put(rs.getString(1), new Value(rs.getString(1), rs.getObject(2, Double.class),
							rs.getObject(3, Double.class), rs.getDouble(4)));
				}, accountId, Date.valueOf(day));
		return values;
	}

	List<Snapshot> history(long accountId, LocalDate from, LocalDate to) {
		return jdbc.query("select account_id, snapshot_day, score, band, computed_at from health_snapshots where "
				+ "account_id = ? and snapshot_day between ? and ? order by snapshot_day", (rs, n) -> snapshot(rs),
				accountId, Date.valueOf(from), Date.valueOf(to));
	}

	/** The newest snapshot of each of these accounts (for lists: the at-risk page, badges). */
	Map<Long, Snapshot> latest(java.util.Collection<Long> accountIds) {
		Map<Long, Snapshot> found = new HashMap<>();
		if (accountIds.isEmpty()) {
			return found;
		}
		String marks = String.join(", ", java.util.Collections.nCopies(accountIds.size(), "?"));
		jdbc.query("select s.account_id, s.snapshot_day, s.score, s.band, s.computed_at from health_snapshots s where "
				+ "s.account_id in (" + marks + ") and s.snapshot_day = (select max(p.snapshot_day) from health_snapshots p "
				+ "where p.account_id = s.account_id)", rs -> {
					Snapshot s = snapshot(rs);
					found.put(s.accountId(), s);
				}, accountIds.toArray());
		return found;
	}

	private static Snapshot snapshot(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Snapshot(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getObject(3, Integer.class), rs.getString(4),
				rs.getObject(5, OffsetDateTime.class).toInstant());
	}
}

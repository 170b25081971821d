package io.rapport.health.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	private final JdbcTemplate jdbc;

	Snapshots(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void write(LocalDate day, Instant computedAt, Map<Long, Scoring.Score> scores, long lo, long hi) {
		Date d = Date.valueOf(day);
		jdbc.update("delete from health_measure_values where snapshot_day = ? and account_id between ? and ?", d, lo, hi);
		jdbc.update("delete from health_snapshots where snapshot_day = ? and account_id between ? and ?", d, lo, hi);
		List<Object[]> snapshots = new ArrayList<>();
		List<Object[]> values = new ArrayList<>();
		Timestamp at = Timestamp.from(computedAt);
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

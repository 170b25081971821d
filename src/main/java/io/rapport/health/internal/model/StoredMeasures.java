package io.rapport.health.internal.model;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The measure values the scorer wrote ({@code health_measure_values}), read a few days at a time: training needs
 * only its cutoff days and the days 30 before them, an estimate only an account's latest day and 30 before it.
 */
@Component
class StoredMeasures implements MeasureHistory {

	private final JdbcTemplate jdbc;

	StoredMeasures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<LocalDate> days() {
		return jdbc.query("select distinct snapshot_day from health_snapshots order by snapshot_day",
				(rs, n) -> rs.getDate(1).toLocalDate());
	}

	@Override
	public Map<LocalDate, Map<Long, Map<String, Double>>> on(Set<LocalDate> days) {
		Map<LocalDate, Map<Long, Map<String, Double>>> values = new HashMap<>();
		for (LocalDate day : days) {
			Map<Long, Map<String, Double>> accounts = new HashMap<>();
			jdbc.query("select account_id, measure_key, measure_value from health_measure_values where snapshot_day = ?",
					rs -> {
						double value = rs.getDouble(3);
						accounts.computeIfAbsent(rs.getLong(1), a -> new HashMap<>()).put(rs.getString(2),
								rs.wasNull() ? null : value);
					}, Date.valueOf(day));
			if (!accounts.isEmpty()) {
				values.put(day, accounts);
			}
		}
		return values;
	}

	/** One account's latest scored day and its measures then and 30 days before; empty if never scored. */
	java.util.Optional<AccountMeasures> latest(long accountId) {
		List<LocalDate> latest = jdbc.query("select max(snapshot_day) from health_snapshots where account_id = ?",
				(rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(), accountId);
		if (latest.isEmpty() || latest.get(0) == null) {
			return java.util.Optional.empty();
		}
		LocalDate day = latest.get(0);
		return java.util.Optional.of(new AccountMeasures(day, of(accountId, day),
				of(accountId, day.minusDays(Feature.TREND_DAYS))));
	}

	private Map<String, Double> of(long accountId, LocalDate day) {
		Map<String, Double> measures = new HashMap<>();
		jdbc.query("select measure_key, measure_value from health_measure_values where account_id = ? and "
				+ "snapshot_day = ?", rs -> {
					double value = rs.getDouble(2);
					measures.put(rs.getString(1), rs.wasNull() ? null : value);
				}, accountId, Date.valueOf(day));
		return measures;
	}

	record AccountMeasures(LocalDate day, Map<String, Double> now, Map<String, Double> before) {
	}
}

package io.rapport.health.internal.model;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Training runs as stored in {@code health_churn_models} with their terms and calibration deciles. Every run is
 * kept (a run that stopped short says why); {@link #latest()} is the last run, {@link #latestTrained()} the model
 * in use.
 */
@Component
class ChurnModels {

	private final JdbcTemplate jdbc;

	ChurnModels(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a run with its terms and deciles; answers its id. A plain insert with the generated key: a
	 * {@code SimpleJdbcInsert} reads the table's metadata and gives up when several schemas of the database hold a
	 * table of that name (PostgreSQL with one schema per installation or per test run).
	 */
	long save(ChurnModel m) {
		Object[] values = { Timestamp.from(m.trainedAt()), m.status().name(), m.cancelledAccounts(),
				m.minimumCancelled(), m.trainingRows(), m.trainingCancelled(), m.validationRows(),
				m.validationCancelled(), m.firstCutoff() == null ? null : Date.valueOf(m.firstCutoff()),
				m.validationCutoff() == null ? null : Date.valueOf(m.validationCutoff()), m.horizonDays(),
				m.trained() ? m.intercept() : null, finite(m.rocAuc()), m.flaggedShare(),
				finite(m.precisionAtFlagged()) };
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement("insert into health_churn_models (trained_at, status_code, "
					+ "cancelled_accounts, minimum_cancelled, training_rows, training_cancelled, validation_rows, "
					+ "validation_cancelled, first_cutoff, validation_cutoff, horizon_days, intercept, roc_auc, "
					+ "flagged_share, precision_at_flagged) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			return statement;
		}, key);
		long id = key.getKey().longValue();
		List<ChurnModel.Term> terms = m.terms();
		jdbc.batchUpdate("insert into health_churn_model_terms (model_id, position, measure_key, kind, mean, scale, "
				+ "coefficient) values (?, ?, ?, ?, ?, ?, ?)", terms, 200, (statement, term) -> {
					statement.setLong(1, id);
					statement.setInt(2, terms.indexOf(term));
					statement.setString(3, term.feature().measureKey());
					statement.setString(4, term.feature().kind().name());
					statement.setDouble(5, term.mean());
					statement.setDouble(6, term.scale());
					statement.setDouble(7, term.coefficient());
				});
		jdbc.batchUpdate("insert into health_churn_model_deciles (model_id, decile, row_count, mean_predicted, "
				+ "observed) values (?, ?, ?, ?, ?)", m.deciles(), 20, (statement, bin) -> {
					statement.setLong(1, id);
					statement.setInt(2, bin.decile());
					statement.setInt(3, bin.rows());
					statement.setDouble(4, bin.meanPredicted());
					statement.setDouble(5, bin.observed());
				});
		return id;
	}

	Optional<ChurnModel> latest() {
		return one("select * from health_churn_models order by trained_at desc, id desc fetch first 1 rows only");
	}

	Optional<ChurnModel> latestTrained() {
		return one("select * from health_churn_models where status_code = 'TRAINED' order by trained_at desc, id desc "
				+ "fetch first 1 rows only");
	}

	/** The id of the model in use, cheap enough to ask on every estimate (several nodes each cache the model). */
	Optional<Long> latestTrainedId() {
		return jdbc.query("select id from health_churn_models where status_code = 'TRAINED' order by trained_at desc, "
				+ "id desc fetch first 1 rows only", (rs, n) -> rs.getLong(1)).stream().findFirst();
	}

	private Optional<ChurnModel> one(String sql) {
		return jdbc.query(sql, (rs, n) -> {
			long id = rs.getLong("id");
			List<ChurnModel.Term> terms = jdbc.query("select measure_key, kind, mean, scale, coefficient from "
					+ "health_churn_model_terms where model_id = ? order by position", (t, k) -> new ChurnModel.Term(
							new Feature(t.getString(1), Feature.Kind.valueOf(t.getString(2))), t.getDouble(3),
							t.getDouble(4), t.getDouble(5)), id);
			List<Quality.Bin> deciles = jdbc.query("select decile, row_count, mean_predicted, observed from "
					+ "health_churn_model_deciles where model_id = ? order by decile", (d, k) -> new Quality.Bin(
							d.getInt(1), d.getInt(2), d.getDouble(3), d.getDouble(4)), id);
			return new ChurnModel(id, rs.getTimestamp("trained_at").toInstant(),
					ChurnModel.Status.valueOf(rs.getString("status_code")), rs.getInt("cancelled_accounts"),
					rs.getInt("minimum_cancelled"), rs.getInt("training_rows"), rs.getInt("training_cancelled"),
					rs.getInt("validation_rows"), rs.getInt("validation_cancelled"), day(rs.getDate("first_cutoff")),
					day(rs.getDate("validation_cutoff")), rs.getInt("horizon_days"), rs.getDouble("intercept"),
					(Double) rs.getObject("roc_auc", Double.class), (Double) rs.getObject("flagged_share", Double.class),
					(Double) rs.getObject("precision_at_flagged", Double.class), terms, deciles);
		}).stream().findFirst();
	}

	private static LocalDate day(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static Double finite(Double value) {
		return value == null || value.isNaN() ? null : value;
	}
}

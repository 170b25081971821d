package io.rapport.health.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scorecard and its settings as admins left them: measures (weights, thresholds, direction) and the numbers
 * of {@link HealthSettings}. Read once per recomputation, so an edit applies from the next one.
 */
@Component
class Scorecard {

	private final JdbcTemplate jdbc;

	Scorecard(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<Measure> measures() {
		return jdbc.query("select measure_key, source, window_days, direction, thresholds, weight, position, version "
				+ "from health_measures order by position, measure_key", (rs, n) -> {
					Measure.Direction direction = Measure.Direction.valueOf(rs.getString(4));
					return new Measure(rs.getString(1), Source.valueOf(rs.getString(2)), rs.getInt(3), direction,
							Measure.parse(rs.getString(5), direction), rs.getDouble(6), rs.getInt(7), rs.getLong(8));
				});
	}

	@Transactional(readOnly = true)
	HealthSettings settings() {
		Map<String, Double> values = new LinkedHashMap<>();
		jdbc.query("select setting_key, setting_value from health_settings order by setting_key",
				rs -> {
					values.put(rs.getString(1), rs.getDouble(2));
				});
		return new HealthSettings(values);
	}

	/** Changes a measure's weight, direction and thresholds; {@code version} guards against a concurrent edit. */
	@Transactional
	void change(String key, double weight, String direction, String thresholds, long version) {
		if (Double.isNaN(weight) || weight < 0 || weight > 100) {
			throw InvalidInputException.of("weight", "errors.health.weight");
		}
		Measure.Direction parsed;
		try {
			parsed = Measure.Direction.valueOf(direction == null ? "" : direction.strip());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("direction", "errors.health.direction");
		}
		String text = new Measure(key, Source.CSAT, 1, parsed, Measure.parse(thresholds, parsed), weight, 0, 0)
			.thresholdText();
		int changed = jdbc.update("update health_measures set weight = ?, direction = ?, thresholds = ?, "
				+ "version = version + 1 where measure_key = ? and version = ?", weight, parsed.name(), text, key, version);
		if (changed == 0) {
			Integer exists = jdbc.queryForObject("select count(*) from health_measures where measure_key = ?",
					Integer.class, key);
			if (exists == null || exists == 0) {
				throw NotFoundException.of("errors.health.measure-not-found", key);
			}
			throw ConflictException.of("errors.health.edited-meanwhile", key);
		}
	}

	/** Sets one of the known settings; the bands must keep red below yellow. */
	@Transactional
	void set(String key, double value) {
		HealthSettings current = settings();
		if (!current.has(key)) {
			throw InvalidInputException.of(key, "errors.health.setting-unknown", key);
		}
		if (Double.isNaN(value) || Double.isInfinite(value) || value < -1000 || value > 1000) {
			throw InvalidInputException.of(key, "errors.health.setting-range", key);
		}
		double red = key.equals(HealthSettings.RED_MAX) ? value : current.redMax();
		double yellow = key.equals(HealthSettings.YELLOW_MAX) ? value : current.yellowMax();
		if (red < 0 || yellow > 100 || red >= yellow) {
			throw InvalidInputException.of(key, "errors.health.bands");
		}
		jdbc.update("update health_settings set setting_value = ? where setting_key = ?", value, key);
	}
}

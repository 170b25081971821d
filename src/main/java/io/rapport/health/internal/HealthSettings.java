package io.rapport.health.internal;

import java.util.Map;

/**
 * The numbers admins tune beside the measures: the bands (a score up to {@code band.red-max} is red, up to
 * {@code band.yellow-max} yellow, above green) and each flag's thresholds, keyed {@code <flag>.<threshold>}.
 */
public record HealthSettings(Map<String, Double> values) {

	static final String RED_MAX = "band.red-max";

	static final String YELLOW_MAX = "band.yellow-max";

	static final String RED = "RED";

	static final String YELLOW = "YELLOW";

	static final String GREEN = "GREEN";

	boolean has(String key) {
		return values.containsKey(key);
	}

	double get(String key) {
		Double value = values.get(key);
		if (value == null) {
			throw new IllegalStateException("No health setting " + key);
		}
		return value;
	}

	double redMax() {
		return get(RED_MAX);
	}

	double yellowMax() {
		return get(YELLOW_MAX);
	}

	/** The band of a score (null for no score). */
	String band(Integer score) {
		if (score == null) {
			return null;
		}
		return score <= redMax() ? RED : score <= yellowMax() ? YELLOW : GREEN;
	}
}

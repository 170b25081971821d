package io.rapport.health.internal.model;

import java.util.Map;

/**
 * One input of the churn model, derived from one measure of the scorecard: its value on the day, its change against
 * {@link #TREND_DAYS} days earlier, or whether either was missing. The value enters twice, as is and as
 * log(1 + value): measures are mostly counts and rates with long tails, where going from 0 to 2 password resets
 * says more than going from 20 to 22, and a linear model sees that only on the log scale. Missing data is not
 * zero: a missing value is imputed with the training mean (so it standardizes to 0) and its indicator says it was
 * missing.
 */
public record Feature(String measureKey, Kind kind) {

	static final int TREND_DAYS = 30;

	public enum Kind {
		VALUE, LOG_VALUE, CHANGE, VALUE_MISSING, CHANGE_MISSING
	}

	/** The raw value for an account from its measures on the day and {@link #TREND_DAYS} days before; NaN if unknown. */
	double raw(Map<String, Double> now, Map<String, Double> before) {
		Double value = now.get(measureKey);
		Double earlier = before.get(measureKey);
		return switch (kind) {
			case VALUE -> value == null ? Double.NaN : value;
			case LOG_VALUE -> value == null ? Double.NaN : Math.log1p(Math.max(0, value));
			case CHANGE -> value == null || earlier == null ? Double.NaN : value - earlier;
			case VALUE_MISSING -> value == null ? 1 : 0;
			case CHANGE_MISSING -> value == null || earlier == null ? 1 : 0;
		};
	}
}

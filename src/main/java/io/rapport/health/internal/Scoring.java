package io.rapport.health.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The score from the measures' values: Σ(weight × points) ÷ Σ(weights of the measures with data), 0–100, higher
 * is healthier. A measure without data is kept in the explanation as missing and left out of both sums; a measure
 * with weight 0 is shown but counts for nothing. No measure with data: no score.
 */
final class Scoring {

	/** One measure's part in a score: value (null: missing), points and contribution (score points it brings). */
	record Part(Measure measure, Double value, Double points, Double contribution) {
	}

	/** A computed score (null without data), its band and the parts behind it. */
	record Score(Integer score, String band, List<Part> parts) {
	}

	private Scoring() {
	}

	static Score score(List<Measure> measures, AccountInputs in, HealthSettings settings) {
		List<Double> values = new ArrayList<>();
		for (Measure measure : measures) {
			values.add(MeasureValues.value(measure, in));
		}
		return score(measures, values, settings);
	}

	static Score score(List<Measure> measures, List<Double> values, HealthSettings settings) {
		double weights = 0;
		double weighted = 0;
		List<Double> points = new ArrayList<>();
		for (int i = 0; i < measures.size(); i++) {
			Double value = values.get(i);
			Double p = value == null ? null : round(measures.get(i).points(value), 2);
			points.add(p);
			if (p != null && measures.get(i).weight() > 0) {
				weights += measures.get(i).weight();
				weighted += measures.get(i).weight() * p;
			}
		}
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < measures.size(); i++) {
			Double p = points.get(i);
			Double contribution = p == null || weights == 0 ? null : round(measures.get(i).weight() * p / weights, 2);
			Double value = values.get(i) == null ? null : round(values.get(i), 2);
			parts.add(new Part(measures.get(i), value, p, contribution));
		}
		Integer score = weights == 0 ? null : (int) Math.round(weighted / weights);
		return new Score(score, settings.band(score), List.copyOf(parts));
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}
}

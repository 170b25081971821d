package io.rapport.health.internal.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run as stored: what it was trained on, how well it did on the validation cutoff, and, when it
 * produced a model, the terms (feature, standardizing mean and scale, coefficient) that turn an account's
 * measures into a probability and into each measure's share of it.
 */
public record ChurnModel(long id, Instant trainedAt, Status status, int cancelledAccounts, int minimumCancelled,
		int trainingRows, int trainingCancelled, int validationRows, int validationCancelled, LocalDate firstCutoff,
		LocalDate validationCutoff, int horizonDays, double intercept, Double rocAuc, Double flaggedShare,
		Double precisionAtFlagged, List<Term> terms, List<Quality.Bin> deciles) {

	/** Why a run did or did not produce a model. */
	public enum Status {
		TRAINED, TOO_FEW_CANCELLED, NO_HISTORY, ONE_CLASS
	}

	/** A feature with the training mean (also the imputed value) and scale, and its coefficient. */
	public record Term(Feature feature, double mean, double scale, double coefficient) {

		double standardized(Map<String, Double> now, Map<String, Double> before) {
			double raw = feature.raw(now, before);
			return Double.isNaN(raw) ? 0 : (raw - mean) / scale;
		}
	}

	/** One measure's share of an estimate, in log-odds: positive raises the churn probability. */
	public record Effect(String measureKey, double effect) {
	}

	public boolean trained() {
		return status == Status.TRAINED;
	}

	public double probability(Map<String, Double> now, Map<String, Double> before) {
		double z = intercept;
		for (Term term : terms) {
			z += term.coefficient() * term.standardized(now, before);
		}
		return LogisticRegression.sigmoid(z);
	}

	/** Each measure's effect (its terms' coefficient × standardized value, summed), largest first by size. */
	public List<Effect> effects(Map<String, Double> now, Map<String, Double> before) {
		Map<String, Double> byMeasure = new LinkedHashMap<>();
		for (Term term : terms) {
			byMeasure.merge(term.feature().measureKey(), term.coefficient() * term.standardized(now, before),
					Double::sum);
		}
		List<Effect> effects = new ArrayList<>();
		byMeasure.forEach((key, effect) -> effects.add(new Effect(key, effect)));
		effects.sort(Comparator.comparingDouble((Effect e) -> -Math.abs(e.effect())));
		return effects;
	}

	/** The terms with the largest coefficients by size: what the model leans on most. */
	public List<Term> strongestTerms(int limit) {
		return terms.stream().sorted(Comparator.comparingDouble((Term t) -> -Math.abs(t.coefficient())))
			.limit(limit).toList();
	}
}

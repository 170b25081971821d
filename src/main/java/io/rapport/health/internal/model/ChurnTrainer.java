package io.rapport.health.internal.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trains the installation's churn model from the stored measure values: each account scored on a cutoff day is
 * an example, its features the measures on that day and their change against 30 days earlier, its label whether
 * the account cancelled (every subscription ended) within the horizon after it. The split is by time: the model
 * is validated on the latest cutoff whose horizon has passed, and trained only on cutoffs whose horizon had ended
 * by then, so nothing it learns from happened after the day it is judged on.
 */
public final class ChurnTrainer {

	/** How training runs; {@link #defaults()} are the installation's unless configured. */
	public record Settings(int minimumCancelled, int horizonDays, int cutoffEveryDays, int trainingCutoffs,
			double flaggedShare, double penalty) {

		public static Settings defaults() {
			return new Settings(30, 90, 30, 8, 0.10, 1.0);
		}
	}

	private record Example(Map<String, Double> now, Map<String, Double> before, int label) {
	}

	private final Settings settings;

	public ChurnTrainer(Settings settings) {
		this.settings = settings;
	}

	public ChurnModel train(MeasureHistory history, Map<Long, Instant> churned, Instant now) {
		int cancelled = (int) churned.values().stream().filter(at -> at != null && !at.isAfter(now)).count();
		Run run = new Run(now, cancelled);
		if (cancelled < settings.minimumCancelled()) {
			return run.without(ChurnModel.Status.TOO_FEW_CANCELLED);
		}
		List<LocalDate> days = history.days();
		LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate validation = latestOnOrBefore(days, today.minusDays(settings.horizonDays()), null);
		List<LocalDate> trainingCutoffs = new ArrayList<>();
		if (validation != null) {
			for (int k = 0; k < settings.trainingCutoffs(); k++) {
				LocalDate target = validation.minusDays(settings.horizonDays() + (long) k * settings.cutoffEveryDays());
				LocalDate cutoff = latestOnOrBefore(days, target, target.minusDays(settings.cutoffEveryDays()));
				if (cutoff != null) {
					trainingCutoffs.add(cutoff);
				}
			}
		}
		if (trainingCutoffs.isEmpty()) {
			return run.without(ChurnModel.Status.NO_HISTORY);
		}
		run.firstCutoff = trainingCutoffs.get(trainingCutoffs.size() - 1);
		run.validationCutoff = validation;
		Set<LocalDate> needed = new HashSet<>();
		for (LocalDate cutoff : concat(trainingCutoffs, validation)) {
			needed.add(cutoff);
			needed.add(cutoff.minusDays(Feature.TREND_DAYS));
		}
		Map<LocalDate, Map<Long, Map<String, Double>>> values = history.on(needed);
		List<Example> training = new ArrayList<>();
		for (LocalDate cutoff : trainingCutoffs) {
			training.addAll(examples(values, cutoff, churned));
		}
		List<Example> validating = examples(values, validation, churned);
		run.counts(training, validating);
		if (run.trainingCancelled == 0 || run.trainingCancelled == training.size() || run.validationCancelled == 0
				|| run.validationCancelled == validating.size()) {
			return run.without(ChurnModel.Status.ONE_CLASS);
		}
		return fit(run, training, validating);
	}

	private ChurnModel fit(Run run, List<Example> training, List<Example> validating) {
		List<Feature> candidates = features(training);
		double[][] raw = new double[training.size()][candidates.size()];
		for (int i = 0; i < training.size(); i++) {
			for (int j = 0; j < candidates.size(); j++) {
				raw[i][j] = candidates.get(j).raw(training.get(i).now(), training.get(i).before());
			}
		}
		imputeWithMeans(raw);
		Standardizer all = Standardizer.of(raw);
		List<Integer> kept = new ArrayList<>();
		for (int j = 0; j < candidates.size(); j++) {
			if (varies(raw, j)) {
				kept.add(j);
			}
		}
		double[][] x = new double[raw.length][kept.size()];
		for (int i = 0; i < raw.length; i++) {
			for (int k = 0; k < kept.size(); k++) {
				x[i][k] = (raw[i][kept.get(k)] - all.means()[kept.get(k)]) / all.scales()[kept.get(k)];
			}
		}
		int[] y = training.stream().mapToInt(Example::label).toArray();
		LogisticRegression.Fit fit = LogisticRegression.fit(x, y, settings.penalty());
		List<ChurnModel.Term> terms = new ArrayList<>();
		for (int k = 0; k < kept.size(); k++) {
			int j = kept.get(k);
			terms.add(new ChurnModel.Term(candidates.get(j), all.means()[j], all.scales()[j], fit.coefficients()[k]));
		}
		ChurnModel model = run.model(fit.intercept(), terms, null, null, List.of());
		double[] predicted = new double[validating.size()];
		int[] actual = new int[validating.size()];
		for (int i = 0; i < validating.size(); i++) {
			predicted[i] = model.probability(validating.get(i).now(), validating.get(i).before());
			actual[i] = validating.get(i).label();
		}
		return run.model(fit.intercept(), terms, Quality.rocAuc(predicted, actual),
				Quality.precisionAt(predicted, actual, settings.flaggedShare()), Quality.calibration(predicted, actual));
	}

	private List<Example> examples(Map<LocalDate, Map<Long, Map<String, Double>>> values, LocalDate cutoff,
			Map<Long, Instant> churned) {
		Map<Long, Map<String, Double>> earlier = values.getOrDefault(cutoff.minusDays(Feature.TREND_DAYS), Map.of());
		List<Example> examples = new ArrayList<>();
		LocalDate end = cutoff.plusDays(settings.horizonDays());
		values.getOrDefault(cutoff, Map.of()).forEach((account, measures) -> {
			Instant at = churned.get(account);
			LocalDate gone = at == null ? null : at.atZone(ZoneOffset.UTC).toLocalDate();
			if (gone == null || gone.isAfter(cutoff)) {
				examples.add(new Example(measures, earlier.getOrDefault(account, Map.of()),
						gone != null && !gone.isAfter(end) ? 1 : 0));
			}
		});
		return examples;
	}

	private static List<Feature> features(List<Example> examples) {
		Set<String> keys = new TreeSet<>();
		examples.forEach(e -> keys.addAll(e.now().keySet()));
		List<Feature> features = new ArrayList<>();
		for (String key : keys) {
			for (Feature.Kind kind : Feature.Kind.values()) {
				features.add(new Feature(key, kind));
			}
		}
		return features;
	}

	private static void imputeWithMeans(double[][] x) {
		for (int j = 0; j < x[0].length; j++) {
			double sum = 0;
			int known = 0;
			for (double[] row : x) {
				if (!Double.isNaN(row[j])) {
					sum += row[j];
					known++;
				}
			}
			double mean = known == 0 ? 0 : sum / known;
			for (double[] row : x) {
				if (Double.isNaN(row[j])) {
					row[j] = mean;
				}
			}
		}
	}

	private static boolean varies(double[][] x, int j) {
		for (double[] row : x) {
			if (Math.abs(row[j] - x[0][j]) > 1e-12) {
				return true;
			}
		}
		return false;
	}

	private static LocalDate latestOnOrBefore(List<LocalDate> days, LocalDate day, LocalDate after) {
		LocalDate found = null;
		for (LocalDate d : days) {
			if (!d.isAfter(day) && (after == null || d.isAfter(after))) {
				found = d;
			}
		}
		return found;
	}

	private static List<LocalDate> concat(List<LocalDate> days, LocalDate day) {
		List<LocalDate> all = new ArrayList<>(days);
		all.add(day);
		return all;
	}

	/** What a run knows so far, for the model it produces or the status it stops with. */
	private final class Run {

		final Instant trainedAt;

		final int cancelled;

		LocalDate firstCutoff;

		LocalDate validationCutoff;

		int trainingRows;

		int trainingCancelled;

		int validationRows;

		int validationCancelled;

		Run(Instant trainedAt, int cancelled) {
			this.trainedAt = trainedAt;
			this.cancelled = cancelled;
		}

		void counts(List<Example> training, List<Example> validating) {
			trainingRows = training.size();
			trainingCancelled = training.stream().mapToInt(Example::label).sum();
			validationRows = validating.size();
			validationCancelled = validating.stream().mapToInt(Example::label).sum();
		}

		ChurnModel without(ChurnModel.Status status) {
			return build(status, 0, List.of(), null, null, List.of());
		}

		ChurnModel model(double intercept, List<ChurnModel.Term> terms, Double auc, Double precision,
				List<Quality.Bin> deciles) {
			return build(ChurnModel.Status.TRAINED, intercept, terms, auc, precision, deciles);
		}

		private ChurnModel build(ChurnModel.Status status, double intercept, List<ChurnModel.Term> terms, Double auc,
				Double precision, List<Quality.Bin> deciles) {
			return new ChurnModel(0, trainedAt, status, cancelled, settings.minimumCancelled(), trainingRows,
					trainingCancelled, validationRows, validationCancelled, firstCutoff, validationCutoff,
					settings.horizonDays(), intercept, auc, status == ChurnModel.Status.TRAINED ? settings.flaggedShare()
							: null, precision, terms, deciles);
		}
	}
}

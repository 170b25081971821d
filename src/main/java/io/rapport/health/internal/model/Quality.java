package io.rapport.health.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How good a churn model is on rows it did not learn from, in the three numbers admins are shown: ROC-AUC (the
 * chance a churned account ranks above a retained one), precision among the share of accounts that would be
 * flagged, and calibration (per decile of predicted probability: mean predicted against the share that churned).
 */
public final class Quality {

	private Quality() {
	}

	/** One decile of predictions: how many rows, their mean predicted probability and the share that churned. */
	public record Bin(int decile, int rows, double meanPredicted, double observed) {
	}

	/** ROC-AUC by ranks (the Mann-Whitney statistic), ties counted half; NaN when one class is absent. */
	public static double rocAuc(double[] predicted, int[] actual) {
		Integer[] order = byPrediction(predicted);
		double[] ranks = new double[predicted.length];
		for (int i = 0; i < order.length;) {
			int j = i;
			while (j + 1 < order.length && predicted[order[j + 1]] == predicted[order[i]]) {
				j++;
			}
			double rank = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) {
				ranks[order[k]] = rank;
			}
			i = j + 1;
		}
		long positives = Arrays.stream(actual).filter(a -> a == 1).count();
		long negatives = actual.length - positives;
		if (positives == 0 || negatives == 0) {
			return Double.NaN;
		}
		double sum = 0;
		for (int i = 0; i < actual.length; i++) {
			if (actual[i] == 1) {
				sum += ranks[i];
			}
		}
		return (sum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}

	/** Of the {@code share} of rows with the highest predictions (at least one), the fraction that churned. */
	public static double precisionAt(double[] predicted, int[] actual, double share) {
		Integer[] order = byPrediction(predicted);
		int top = Math.max(1, (int) Math.round(share * predicted.length));
		int hits = 0;
		for (int k = 0; k < top; k++) {
			hits += actual[order[order.length - 1 - k]];
		}
		return (double) hits / top;
	}

	/** Ten bins of equal size by predicted probability, lowest first (fewer when there are fewer rows). */
	public static List<Bin> calibration(double[] predicted, int[] actual) {
		Integer[] order = byPrediction(predicted);
		int bins = Math.min(10, predicted.length);
		List<Bin> result = new ArrayList<>(bins);
		for (int b = 0; b < bins; b++) {
			int from = b * predicted.length / bins;
			int to = (b + 1) * predicted.length / bins;
			double p = 0;
			int churned = 0;
			for (int k = from; k < to; k++) {
				p += predicted[order[k]];
				churned += actual[order[k]];
			}
			int rows = to - from;
			result.add(new Bin(b + 1, rows, p / rows, (double) churned / rows));
		}
		return result;
	}

	private static Integer[] byPrediction(double[] predicted) {
		Integer[] order = new Integer[predicted.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
		return order;
	}
}

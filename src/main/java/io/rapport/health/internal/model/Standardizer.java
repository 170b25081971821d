package io.rapport.health.internal.model;

/**
 * Centres and scales each feature column by the training rows' mean and standard deviation, so the coefficients
 * of measures in hours, counts and ratios can be compared. A constant column gets scale 1 (its standardized value
 * is always 0 and its coefficient stays at 0 under the penalty).
 */
public record Standardizer(double[] means, double[] scales) {

	public static Standardizer of(double[][] rows) {
		int p = rows[0].length;
		double[] means = new double[p];
		double[] scales = new double[p];
		for (double[] row : rows) {
			for (int j = 0; j < p; j++) {
				means[j] += row[j];
			}
		}
		for (int j = 0; j < p; j++) {
			means[j] /= rows.length;
		}
		for (double[] row : rows) {
			for (int j = 0; j < p; j++) {
				double d = row[j] - means[j];
				scales[j] += d * d;
			}
		}
		for (int j = 0; j < p; j++) {
			double sd = Math.sqrt(scales[j] / Math.max(1, rows.length - 1));
			scales[j] = sd > 1e-12 ? sd : 1;
		}
		return new Standardizer(means, scales);
	}

	public double[] apply(double[] row) {
		double[] z = new double[row.length];
		for (int j = 0; j < row.length; j++) {
			z[j] = (row[j] - means[j]) / scales[j];
		}
		return z;
	}

	public double[][] apply(double[][] rows) {
		double[][] z = new double[rows.length][];
		for (int i = 0; i < rows.length; i++) {
			z[i] = apply(rows[i]);
		}
		return z;
	}
}

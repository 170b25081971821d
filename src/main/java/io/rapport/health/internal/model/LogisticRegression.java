package io.rapport.health.internal.model;

import java.util.Arrays;

/**
 * Logistic regression fitted by Newton's method (iteratively reweighted least squares) with an L2 penalty on the
 * coefficients, not on the intercept. The features are expected standardized ({@link Standardizer}), so one
 * penalty fits them all and the coefficients compare with each other: that is what makes "top factors" honest.
 * Chosen over a library (see docs/decisions.md): on the Telco anchor it matches R's {@code glm}, it needs nothing
 * beyond the JDK, and its model is a handful of numbers an admin can read.
 */
public final class LogisticRegression {

	private static final int MAX_ITERATIONS = 50;

	private static final double TOLERANCE = 1e-8;

	private LogisticRegression() {
	}

	/** A fitted model on standardized features: {@code p = 1 / (1 + exp(-(intercept + Σ coefficients × x)))}. */
	public record Fit(double intercept, double[] coefficients, int iterations) {

		public double probability(double[] x) {
			return sigmoid(score(x));
		}

		double score(double[] x) {
			double z = intercept;
			for (int j = 0; j < coefficients.length; j++) {
				z += coefficients[j] * x[j];
			}
			return z;
		}
	}

	/**
	 * @param x rows of standardized features
	 * @param y 1 for the positive class (churned), 0 otherwise
	 * @param lambda the L2 penalty (0 for none; a small one keeps separable or collinear data finite)
	 */
	public static Fit fit(double[][] x, int[] y, double lambda) {
		if (x.length == 0 || x.length != y.length) {
			throw new IllegalArgumentException("need as many labels as rows, and at least one row");
		}
		int n = x.length;
		int p = x[0].length + 1;
		double[] beta = new double[p];
		int iteration = 0;
		while (iteration++ < MAX_ITERATIONS) {
			double[] gradient = new double[p];
			double[][] hessian = new double[p][p];
			double[] row = new double[p];
			for (int i = 0; i < n; i++) {
				row[0] = 1;
				System.arraycopy(x[i], 0, row, 1, p - 1);
				double z = 0;
				for (int j = 0; j < p; j++) {
					z += beta[j] * row[j];
				}
				double mu = sigmoid(z);
				double w = Math.max(mu * (1 - mu), 1e-10);
				double residual = y[i] - mu;
				for (int j = 0; j < p; j++) {
					gradient[j] += residual * row[j];
					double wj = w * row[j];
					for (int k = 0; k <= j; k++) {
						hessian[j][k] += wj * row[k];
					}
				}
			}
			for (int j = 0; j < p; j++) {
				for (int k = 0; k < j; k++) {
					hessian[k][j] = hessian[j][k];
				}
				if (j > 0) {
					gradient[j] -= lambda * beta[j];
					hessian[j][j] += lambda;
				}
			}
			double[] step = Cholesky.solve(hessian, gradient);
			double largest = 0;
			for (int j = 0; j < p; j++) {
				beta[j] += step[j];
				largest = Math.max(largest, Math.abs(step[j]));
			}
			if (largest < TOLERANCE) {
				break;
			}
		}
		return new Fit(beta[0], Arrays.copyOfRange(beta, 1, p), iteration);
	}

	static double sigmoid(double z) {
		return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
	}

	/** Solves a symmetric positive definite system; a tiny ridge is added when rounding makes it indefinite. */
	static final class Cholesky {

		private Cholesky() {
		}

		static double[] solve(double[][] a, double[] b) {
			int n = b.length;
			double ridge = 0;
			for (int attempt = 0; attempt < 8; attempt++) {
				double[][] l = decompose(a, ridge);
				if (l != null) {
					double[] z = new double[n];
					for (int i = 0; i < n; i++) {
						double sum = b[i];
						for (int k = 0; k < i; k++) {
							sum -= l[i][k] * z[k];
						}
						z[i] = sum / l[i][i];
					}
					double[] x = new double[n];
					for (int i = n - 1; i >= 0; i--) {
						double sum = z[i];
						for (int k = i + 1; k < n; k++) {
							sum -= l[k][i] * x[k];
						}
						x[i] = sum / l[i][i];
					}
					return x;
				}
				ridge = ridge == 0 ? 1e-9 : ridge * 100;
			}
			throw new IllegalStateException("the system could not be solved");
		}

		private static double[][] decompose(double[][] a, double ridge) {
			int n = a.length;
			double[][] l = new double[n][n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j <= i; j++) {
					double sum = a[i][j] + (i == j ? ridge : 0);
					for (int k = 0; k < j; k++) {
						sum -= l[i][k] * l[j][k];
					}
					if (i == j) {
						if (sum <= 0) {
							return null;
						}
						l[i][i] = Math.sqrt(sum);
					}
					else {
						l[i][j] = sum / l[j][j];
					}
				}
			}
			return l;
		}
	}
}

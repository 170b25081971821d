package io.rapport.customer360.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG shapes the template writes out (the CSP allows no chart script): one bar
 * per label, each with its value as a tooltip, a few labels under the axis, and a horizontal guide at the maximum
 * with its value, so the chart reads without hovering. The same numbers are in a table beside it.
 */
record Bars(int width, int height, List<Bar> bars, List<Tick> ticks, double max, String maxLabel) {

	static final int WIDTH = 560;

	static final int HEIGHT = 160;

	static final int BOTTOM = 22;

	static final int TOP = 14;

	record Bar(double x, double y, double w, double h, String title) {
	}

	record Tick(double x, String label) {
	}

	static Bars of(List<String> labels, List<? extends Number> values, List<String> titles, String maxLabel) {
		int n = labels.size();
		double max = values.stream().mapToDouble(Number::doubleValue).max().orElse(0);
		double slot = n == 0 ? WIDTH : (double) WIDTH / n;
		double plot = HEIGHT - BOTTOM - TOP;
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double value = values.get(i).doubleValue();
			double h = max <= 0 ? 0 : plot * value / max;
			bars.add(new Bar(round(i * slot + slot * 0.15), round(HEIGHT - BOTTOM - h), round(slot * 0.7), round(h),
					titles.get(i)));
		}
		int every = Math.max(1, (int) Math.ceil(n / 7.0));
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i < n; i += every) {
			ticks.add(new Tick(round(i * slot + slot / 2), labels.get(i)));
		}
		return new Bars(WIDTH, HEIGHT, bars, ticks, max, maxLabel);
	}

	/** The y of the guide line at the maximum. */
	public double top() {
		return TOP;
	}

	public double axis() {
		return HEIGHT - BOTTOM;
	}

	public boolean empty() {
		return max <= 0;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}

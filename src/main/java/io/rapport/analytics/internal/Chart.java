package io.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart drawn on the server as SVG shapes the template writes out: bars (one or two series) or a line with its
 * points. Every shape carries its label and value as a tooltip and, where there are tickets behind it, a link to
 * them. The same numbers are always in a table beside the chart.
 */
record Chart(int width, int height, List<Bar> bars, String line, List<Point> points, List<Tick> ticks, double max) {

	static final int WIDTH = 640;

	static final int HEIGHT = 180;

	static final int BOTTOM = 22;

	static final int TOP = 8;

	record Bar(double x, double y, double w, double h, String series, String title, String href) {
	}

	record Point(double x, double y, String title, String href) {
	}

	record Tick(double x, String label) {
	}

	/** One value per label; {@code series} is a CSS class ({@code a} or {@code b}). */
	static Chart bars(List<String> labels, List<? extends Number> values, List<String> titles, List<String> hrefs) {
		return pairs(labels, values, null, titles, null, hrefs, null);
	}

	/** Two values per label side by side (created and solved). */
	static Chart pairs(List<String> labels, List<? extends Number> a, List<? extends Number> b, List<String> titlesA,
			List<String> titlesB, List<String> hrefsA, List<String> hrefsB) {
		int n = labels.size();
		double max = Math.max(max(a), max(b));
		double slot = n == 0 ? WIDTH : (double) WIDTH / n;
		double barWidth = Math.max(1, slot * (b == null ? 0.7 : 0.4));
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double left = i * slot + slot * (b == null ? 0.15 : 0.1);
			bars.add(bar(left, barWidth, value(a, i), max, "a", titlesA.get(i), hrefsA == null ? null : hrefsA.get(i)));
			if (b != null) {
				bars.add(bar(left + barWidth, barWidth, value(b, i), max, "b", titlesB.get(i),
						hrefsB == null ? null : hrefsB.get(i)));
			}
		}
		return new Chart(WIDTH, HEIGHT, bars, null, List.of(), ticks(labels, slot), max);
	}

	/** A trend: a line through the values that exist (a missing value leaves a gap in the points, not a zero). */
	static Chart line(List<String> labels, List<? extends Number> values, List<String> titles, List<String> hrefs) {
		int n = labels.size();
		double max = max(values);
		double slot = n == 0 ? WIDTH : (double) WIDTH / n;
		List<Point> points = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < n; i++) {
			if (values.get(i) == null) {
				continue;
			}
			double x = i * slot + slot / 2;
			double y = y(values.get(i).doubleValue(), max);
			points.add(new Point(round(x), round(y), titles.get(i), hrefs == null ? null : hrefs.get(i)));
			line.append(line.length() == 0 ? "" : " ").append(round(x)).append(',').append(round(y));
		}
		return new Chart(WIDTH, HEIGHT, List.of(), line.toString(), points, ticks(labels, slot), max);
	}

	boolean empty() {
		return bars.stream().allMatch(bar -> bar.h() == 0) && points.isEmpty();
	}

	private static Bar bar(double left, double width, double value, double max, String series, String title,
			String href) {
		double top = y(value, max);
		return new Bar(round(left), round(top), round(width), round(HEIGHT - BOTTOM - top), series, title, href);
	}

	private static double y(double value, double max) {
		double plot = HEIGHT - BOTTOM - TOP;
		return max <= 0 ? HEIGHT - BOTTOM : HEIGHT - BOTTOM - plot * value / max;
	}

	/** At most eight labels under the axis, evenly spaced, so they never overlap. */
	private static List<Tick> ticks(List<String> labels, double slot) {
		int n = labels.size();
		int every = Math.max(1, (int) Math.ceil(n / 8.0));
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i < n; i += every) {
			ticks.add(new Tick(round(i * slot + slot / 2), labels.get(i)));
		}
		return ticks;
	}

	private static double value(List<? extends Number> values, int i) {
		Number value = values.get(i);
		return value == null ? 0 : value.doubleValue();
	}

	private static double max(List<? extends Number> values) {
		if (values == null) {
			return 0;
		}
		return values.stream().filter(v -> v != null).mapToDouble(Number::doubleValue).max().orElse(0);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}

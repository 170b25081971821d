package io.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * MRR movements drawn on the server as SVG: per period, the gains (new, expansion, reactivation) stacked above the
 * zero line and the losses (contraction, churned) stacked below it, each shape with its label and amount as a
 * tooltip. The numbers are in the table beside it.
 */
record StackedChart(int width, int height, double zero, List<Chart.Bar> bars, List<Chart.Tick> ticks) {

	static final int WIDTH = Chart.WIDTH;

	static final int HEIGHT = 220;

	static final int BOTTOM = 22;

	static final int TOP = 8;

	/** A series: its CSS class and, per period, its amount (gains positive, losses given as positive amounts). */
	record Series(String css, boolean loss, List<Long> values, List<String> titles) {
	}

	static StackedChart of(List<String> labels, List<Series> series) {
		int n = labels.size();
		double up = 0;
		double down = 0;
		for (int i = 0; i < n; i++) {
			double gain = 0;
			double loss = 0;
			for (Series s : series) {
				if (s.loss()) {
					loss += s.values().get(i);
				}
				else {
					gain += s.values().get(i);
				}
			}
			up = Math.max(up, gain);
			down = Math.max(down, loss);
		}
		double plot = HEIGHT - BOTTOM - TOP;
		double scale = up + down <= 0 ? 0 : plot / (up + down);
		double zero = up + down <= 0 ? TOP + plot / 2 : TOP + up * scale;
		double slot = n == 0 ? WIDTH : (double) WIDTH / n;
		double barWidth = Math.max(1, slot * 0.6);
		List<Chart.Bar> bars = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double left = i * slot + slot * 0.2;
			double above = zero;
			double below = zero;
			for (Series s : series) {
				double h = s.values().get(i) * scale;
				if (h <= 0) {
					continue;
				}
				if (s.loss()) {
					bars.add(new Chart.Bar(round(left), round(below), round(barWidth), round(h), s.css(),
							s.titles().get(i), null));
					below += h;
				}
				else {
					above -= h;
					bars.add(new Chart.Bar(round(left), round(above), round(barWidth), round(h), s.css(),
							s.titles().get(i), null));
				}
			}
		}
		int every = Math.max(1, (int) Math.ceil(n / 8.0));
		List<Chart.Tick> ticks = new ArrayList<>();
		for (int i = 0; i < n; i += every) {
			ticks.add(new Chart.Tick(round(i * slot + slot / 2), labels.get(i)));
		}
		return new StackedChart(WIDTH, HEIGHT, round(zero), bars, ticks);
	}

	boolean empty() {
		return bars.isEmpty();
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}

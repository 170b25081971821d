package io.rapport.health.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.rapport.shared.InvalidInputException;

/**
 * One measure of the scorecard: where its value comes from, how a value maps to 0–100 points (straight lines
 * between threshold points, flat beyond the first and the last), and its weight in the score.
 */
public record Measure(String key, Source source, int windowDays, Direction direction, List<Threshold> thresholds,
		double weight, int position, long version) {

	public enum Direction {
		HIGHER, LOWER
	}

	/** A value and the points it earns. */
	public record Threshold(double value, double points) {
	}

	/** The points a value earns, 0–100. */
	double points(double value) {
		Threshold first = thresholds.get(0);
		if (value <= first.value()) {
			return first.points();
		}
		for (int i = 1; i < thresholds.size(); i++) {
			Threshold low = thresholds.get(i - 1);
			Threshold high = thresholds.get(i);
			if (value <= high.value()) {
				double share = (value - low.value()) / (high.value() - low.value());
				return low.points() + share * (high.points() - low.points());
			}
		}
		return thresholds.get(thresholds.size() - 1).points();
	}

	public String thresholdText() {
		StringBuilder text = new StringBuilder();
		for (Threshold t : thresholds) {
			text.append(text.isEmpty() ? "" : " ").append(number(t.value())).append(':').append(number(t.points()));
		}
		return text.toString();
	}

	/**
	 * Reads "value:points" pairs separated by spaces (or commas), checking that values rise, points are 0–100 and
	 * agree with the direction; a broken text is an invalid {@code thresholds} field.
	 */
	static List<Threshold> parse(String text, Direction direction) {
		List<Threshold> parsed = new ArrayList<>();
		String[] pairs = text == null ? new String[0] : text.strip().split("[\\s,;]+");
		for (String pair : pairs) {
			String[] parts = pair.split(":");
			try {
				if (parts.length != 2) {
					throw new NumberFormatException(pair);
				}
				parsed.add(new Threshold(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.of("thresholds", "errors.health.thresholds", text);
			}
		}
		if (parsed.size() < 2) {
			throw InvalidInputException.of("thresholds", "errors.health.thresholds", text);
		}
		for (int i = 0; i < parsed.size(); i++) {
			Threshold t = parsed.get(i);
			boolean badPoints = t.points() < 0 || t.points() > 100 || Double.isNaN(t.value())
					|| Double.isInfinite(t.value());
			boolean badOrder = i > 0 && (t.value() <= parsed.get(i - 1).value()
					|| (direction == Direction.HIGHER ? t.points() < parsed.get(i - 1).points()
							: t.points() > parsed.get(i - 1).points()));
			if (badPoints || badOrder) {
				throw InvalidInputException.of("thresholds", "errors.health.thresholds", text);
			}
		}
		return List.copyOf(parsed);
	}

	static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return String.format(Locale.ROOT, "%s", value);
	}
}

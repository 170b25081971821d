package io.rapport.surveys.nps;

import java.util.Arrays;

/**
 * Answers counted by score: promoters (9-10), passives (7-8), detractors (0-6), and NPS = % promoters -
 * % detractors, from -100 to +100, rounded to a whole number as every NPS tool shows it.
 */
public record NpsScore(long[] distribution) {

	public NpsScore {
		if (distribution.length != 11) {
			throw new IllegalArgumentException("A distribution has 11 counts (0 to 10)");
		}
	}

	static NpsScore empty() {
		return new NpsScore(new long[11]);
	}

	static NpsScore of(int... scores) {
		long[] counts = new long[11];
		for (int score : scores) {
			counts[score]++;
		}
		return new NpsScore(counts);
	}

	public long answers() {
		return Arrays.stream(distribution).sum();
	}

	public long promoters() {
		return distribution[9] + distribution[10];
	}

	public long passives() {
		return distribution[7] + distribution[8];
	}

	public long detractors() {
		return answers() - promoters() - passives();
	}

	/** The score, or null when nobody answered (no answer is not a score of 0). */
	public Integer score() {
		long n = answers();
		if (n == 0) {
			return null;
		}
		return (int) Math.round(100.0 * (promoters() - detractors()) / n);
	}

	/** The share of answers of one score, in percent, for the distribution's bars. */
	public int percentOf(int score) {
		long n = answers();
		return n == 0 ? 0 : (int) Math.round(100.0 * distribution[score] / n);
	}

	public int percent(long part) {
		long n = answers();
		return n == 0 ? 0 : (int) Math.round(100.0 * part / n);
	}

	/** The height of a score's bar in a chart {@code scale} high, the most frequent score filling it. */
	public long barHeight(int score, int scale) {
		long most = Arrays.stream(distribution).max().orElse(0);
		return most == 0 ? 0 : scale * distribution[score] / most;
	}

	public long count(int score) {
		return distribution[score];
	}

	/** The category of a score, for pages: promoter, passive or detractor. */
	public String categoryOf(int score) {
		return category(score);
	}

	public static String category(int score) {
		return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
	}
}

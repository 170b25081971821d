package io.rapport.activity.internal;

import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * How {@code activity_usage_months} writes a calendar month: month index {@code m = (year - 1970) * 12 + month - 1},
 * kept as bit {@code m % 60} of the row of era {@code m / 60}. The migration that fills the table computes the same
 * in SQL.
 */
final class UsageMonths {

	static final int PER_ERA = 60;

	private UsageMonths() {
	}

	/** The day's month index, or -1 before 1970 (such days stay in the rollups only). */
	static int index(LocalDate day) {
		return day.getYear() < 1970 ? -1 : (day.getYear() - 1970) * 12 + day.getMonthValue() - 1;
	}

	static int era(LocalDate day) {
		return index(day) / PER_ERA;
	}

	static long bit(LocalDate day) {
		return 1L << (index(day) % PER_ERA);
	}

	/**
	 * The bits of the months from {@code from} to {@code to} when the window is whole months of one era (it begins
	 * on a first and ends on a last day of a month); otherwise empty, and the window is read from the daily rollups.
	 */
	static OptionalLong wholeMonths(LocalDate from, LocalDate to) {
		int first = index(from);
		int last = index(to);
		if (first < 0 || last < first || from.getDayOfMonth() != 1 || to.getDayOfMonth() != to.lengthOfMonth()
				|| first / PER_ERA != last / PER_ERA) {
			return OptionalLong.empty();
		}
		long mask = 0;
		for (int m = first; m <= last; m++) {
			mask |= 1L << (m % PER_ERA);
		}
		return OptionalLong.of(mask);
	}
}

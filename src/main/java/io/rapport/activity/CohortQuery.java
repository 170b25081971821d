package io.rapport.activity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A cohort retention table to count from the daily rollups (their days are UTC days). Periods are days, weeks
 * (Monday to Sunday) or calendar months; period 0 starts on {@code firstDay} and the first {@code cohorts} periods
 * are the cohorts' own. A cohort starting in period {@code c} is followed for {@code columns} periods ({@code c}
 * to {@code c + columns - 1}).
 *
 * @param accounts count accounts (any row of theirs, their own facts included) instead of people (rows with a person)
 * @param startEvent the event that puts someone in a cohort; null: any event (their first one is their signup)
 * @param returnEvent the event that counts as coming back; null: any event
 * @param onOrAfter retained in column N when they came back in N or any later column (otherwise: in N itself)
 * @param recurring someone enters a cohort in every period they did the start event (otherwise: only the period of
 * their first start event ever, from before the table too)
 * @param repeats how many return events in a period it takes to count as retained in it (at least 1)
 */
public record CohortQuery(boolean accounts, Unit unit, LocalDate firstDay, int cohorts, int columns,
		String startEvent, String returnEvent, boolean onOrAfter, boolean recurring, long repeats) {

	/** The length of a period. */
	public enum Unit {
		DAY, WEEK, MONTH;

		/** The first day of the period that holds {@code day}. */
		public LocalDate startOf(LocalDate day) {
			return switch (this) {
				case DAY -> day;
				case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case MONTH -> day.withDayOfMonth(1);
			};
		}

		/** The first day of the period {@code n} periods after the one starting on {@code start}. */
		public LocalDate plus(LocalDate start, long n) {
			return switch (this) {
				case DAY -> start.plusDays(n);
				case WEEK -> start.plusWeeks(n);
				case MONTH -> start.plusMonths(n);
			};
		}
	}

	public CohortQuery {
		if (cohorts < 1 || columns < 1 || repeats < 1 || !unit.startOf(firstDay).equals(firstDay)) {
			throw new IllegalArgumentException("a cohort table needs cohorts, columns, repeats >= 1 and a period start");
		}
	}

	/** The first day of period {@code index}. */
	public LocalDate start(int index) {
		return unit.plus(firstDay, index);
	}

	/** The last day of period {@code index}. */
	public LocalDate end(int index) {
		return unit.plus(firstDay, index + 1L).minusDays(1);
	}
}

package io.rapport.workflows.internal;

import java.time.Duration;
import java.time.Instant;

import io.rapport.workflows.BusinessCalendar;

/**
 * When a running target warns and falls due, in its calendar's business time: the thresholds are shares of the
 * target, minus what was used before the clock last resumed. {@code nextCheck} is the first of these the sweep has
 * still to act on; all null while paused.
 */
record Schedule(Instant dueAt, Instant warnFirstAt, Instant warnSecondAt, Instant nextCheck) {

	static final Schedule PAUSED = new Schedule(null, null, null, null);

	static Schedule of(BusinessCalendar calendar, Instant runningSince, long consumedSeconds, int targetMinutes,
			int warnFirstPct, int warnSecondPct, boolean warnedFirst, boolean warnedSecond) {
		if (runningSince == null) {
			return PAUSED;
		}
		long total = targetMinutes * 60L;
		Instant due = at(calendar, runningSince, total - consumedSeconds);
		Instant first = at(calendar, runningSince, total * warnFirstPct / 100 - consumedSeconds);
		Instant second = at(calendar, runningSince, total * warnSecondPct / 100 - consumedSeconds);
		Instant next = due;
		if (!warnedSecond && second.isBefore(next)) {
			next = second;
		}
		if (!warnedFirst && first.isBefore(next)) {
			next = first;
		}
		return new Schedule(due, first, second, next);
	}

	private static Instant at(BusinessCalendar calendar, Instant from, long seconds) {
		return seconds <= 0 ? from : calendar.plus(from, Duration.ofSeconds(seconds));
	}
}

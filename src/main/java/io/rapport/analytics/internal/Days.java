package io.rapport.analytics.internal;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** The UTC day, week (its Monday) and month (its first day) an instant falls in, as the read models store them. */
final class Days {

	private Days() {
	}

	static LocalDate day(Instant at) {
		return at.atZone(ZoneOffset.UTC).toLocalDate();
	}

	static LocalDate week(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	static LocalDate month(LocalDate day) {
		return day.withDayOfMonth(1);
	}

	static LocalDate dayOf(Instant at) {
		return at == null ? null : day(at);
	}

	static LocalDate weekOf(Instant at) {
		return at == null ? null : week(day(at));
	}

	static LocalDate monthOf(Instant at) {
		return at == null ? null : month(day(at));
	}

	static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}
}

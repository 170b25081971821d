package io.rapport.analytics.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.rapport.accounts.LifecycleStage;
import io.rapport.shared.InvalidInputException;

/**
 * The months a revenue metric covers ({@code from} and {@code to} included, in the company's time zone), how the
 * rows break them up ({@code period}: month, quarter or year), and the filters: the subscriptions of one plan, the
 * accounts of one owner, the accounts in one lifecycle stage now (the segment). {@code lifetimeMonths} overrides the derived customer lifetime of CLV.
 */
record MetricsQuery(YearMonth from, YearMonth to, Period period, String plan, Long owner, BigDecimal lifetimeMonths,
		LifecycleStage stage) {

	static final int MAX_MONTHS = 120;

	enum Period {
		MONTH(1), QUARTER(3), YEAR(12);

		final int months;

		Period(int months) {
			this.months = months;
		}

		String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The first month of the period that holds {@code month}. */
		YearMonth startOf(YearMonth month) {
			int index = (month.getMonthValue() - 1) / months * months;
			return YearMonth.of(month.getYear(), index + 1);
		}

		String key(YearMonth start) {
			return switch (this) {
				case MONTH -> start.toString();
				case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
				case YEAR -> String.valueOf(start.getYear());
			};
		}
	}

	/** Parses the parameters without a stage. */
	static MetricsQuery parse(String from, String to, String period, String plan, String owner, String lifetime,
			YearMonth thisMonth) {
		return parse(from, to, period, plan, owner, lifetime, null, thisMonth);
	}

	/** Parses the parameters: months default to the twelve up to this month; bad values name their parameter. */
	static MetricsQuery parse(String from, String to, String period, String plan, String owner, String lifetime,
			String stage, YearMonth thisMonth) {
		YearMonth end = month(to, "to", thisMonth);
		YearMonth start = month(from, "from", end.minusMonths(11));
		if (start.isAfter(end)) {
			throw InvalidInputException.of("from", "errors.metrics.fromAfterTo", start, end);
		}
		if (start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
			throw InvalidInputException.of("to", "errors.metrics.tooLong", MAX_MONTHS);
		}
		Period p;
		try {
			p = period == null || period.isBlank() ? Period.MONTH : Period.valueOf(period.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("period", "errors.metrics.period", period);
		}
		Long ownerId = null;
		if (owner != null && !owner.isBlank()) {
			try {
				ownerId = Long.valueOf(owner.strip());
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.of("owner", "errors.metrics.id", owner);
			}
		}
		BigDecimal months = null;
		if (lifetime != null && !lifetime.isBlank()) {
			try {
				months = new BigDecimal(lifetime.strip());
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.of("lifetimeMonths", "errors.metrics.lifetime", lifetime);
			}
			if (months.signum() <= 0 || months.compareTo(BigDecimal.valueOf(1200)) > 0) {
				throw InvalidInputException.of("lifetimeMonths", "errors.metrics.lifetime", lifetime);
			}
		}
		String planName = plan == null || plan.isBlank() ? null : plan.strip();
		return new MetricsQuery(start, end, p, planName, ownerId, months, stage(stage));
	}

	/** A lifecycle stage by name, any case; null for none. */
	static LifecycleStage stage(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LifecycleStage.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("stage", "errors.metrics.stage", value);
		}
	}

	/** Every month of the query, first to last. */
	List<YearMonth> months() {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

	static YearMonth month(String value, String field, YearMonth otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return YearMonth.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, "errors.metrics.month", value);
		}
	}
}

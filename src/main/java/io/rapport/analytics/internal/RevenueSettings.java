package io.rapport.analytics.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * What the revenue metrics need from an admin: the currency every figure is shown in, the time zone whose months
 * are the periods, and the gross margin of churn-based lifetime value.
 */
record RevenueSettings(String reportingCurrency, ZoneId zone, BigDecimal grossMargin) {

	/** The month that holds today in the company's time zone. */
	YearMonth monthOf(java.time.Instant instant) {
		return YearMonth.from(instant.atZone(zone));
	}

	static LocalDate first(YearMonth month) {
		return month.atDay(1);
	}
}

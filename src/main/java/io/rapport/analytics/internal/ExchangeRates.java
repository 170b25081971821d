package io.rapport.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Converts minor units of one currency into minor units of the reporting currency with the rates admins entered:
 * a month uses its own rate, or the latest earlier one, or (before the first rate) the first. A currency with no
 * rate at all cannot be converted: its amounts are left out and the figure names the currency.
 */
final class ExchangeRates {

	private final String reporting;

	private final Map<String, TreeMap<YearMonth, BigDecimal>> rates;

	private final Set<String> missing = new TreeSet<>();

	ExchangeRates(String reporting, Map<String, TreeMap<YearMonth, BigDecimal>> rates) {
		this.reporting = reporting;
		this.rates = rates;
	}

	String reporting() {
		return reporting;
	}

	/** The amount in the reporting currency at the month's rate, rounded half-even to its minor unit; null if none. */
	Long convert(long cents, String currency, YearMonth month) {
		if (cents == 0 || currency.equals(reporting)) {
			return cents;
		}
		BigDecimal rate = rate(currency, month);
		if (rate == null) {
			missing.add(currency);
			return null;
		}
		BigDecimal major = BigDecimal.valueOf(cents).movePointLeft(digits(currency));
		return major.multiply(rate).movePointRight(digits(reporting)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
	}

	BigDecimal rate(String currency, YearMonth month) {
		TreeMap<YearMonth, BigDecimal> byMonth = rates.get(currency);
		if (byMonth == null || byMonth.isEmpty()) {
			return null;
		}
		Map.Entry<YearMonth, BigDecimal> at = byMonth.floorEntry(month);
		return at != null ? at.getValue() : byMonth.firstEntry().getValue();
	}

	/** The currencies met so far that had no rate. */
	Set<String> missing() {
		return missing;
	}

	private static int digits(String currency) {
		return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
	}
}

package io.rapport.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.rapport.shared.InvalidInputException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's inputs to the revenue metrics, checked here so the page and the API refuse the same things: the
 * settings row, exchange rates per month (never fetched from anywhere: the figures must be reproducible from what
 * people entered) and sales and marketing spend per month.
 */
@Component
class MetricSettings {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	MetricSettings(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	RevenueSettings settings() {
		return jdbc.queryForObject("select reporting_currency, time_zone, gross_margin from analytics_metric_settings"
				+ " where id = 1", (rs, n) -> new RevenueSettings(rs.getString(1).strip(), ZoneId.of(rs.getString(2)),
						rs.getBigDecimal(3).stripTrailingZeros()));
	}

	/** Saves the settings; answers whether the time zone changed (the month-end MRR must then be recomputed). */
	@Transactional
	boolean save(String currency, String zone, String margin) {
		String code = currency(currency, "reportingCurrency");
		ZoneId zoneId = zone(zone);
		BigDecimal grossMargin = fraction(margin, "grossMargin");
		boolean zoneChanged = !settings().zone().equals(zoneId);
		jdbc.update("update analytics_metric_settings set reporting_currency = ?, time_zone = ?, gross_margin = ?,"
				+ " updated_at = ? where id = 1", code, zoneId.getId(), grossMargin, Timestamp.from(clock.instant()));
		return zoneChanged;
	}

	/** A month's rate of one currency into the reporting currency; null or blank removes it. */
	@Transactional
	void putRate(YearMonth month, String currency, String rate) {
		String code = currency(currency, "currency");
		String reporting = settings().reportingCurrency();
		jdbc.update("delete from analytics_exchange_rates where reporting_currency = ? and currency = ? and rate_month = ?",
				reporting, code, Date.valueOf(month.atDay(1)));
		if (rate == null || rate.isBlank()) {
			return;
		}
		BigDecimal value = positive(rate, "rate");
		if (code.equals(reporting)) {
			throw InvalidInputException.of("currency", "errors.metrics.same-currency", code);
		}
		jdbc.update("insert into analytics_exchange_rates (rate_month, currency, reporting_currency, rate) values (?, ?, ?, ?)",
				Date.valueOf(month.atDay(1)), code, reporting, value);
	}

	/** A month's spend in minor units; a null amount removes it. */
	@Transactional
	void putSpend(YearMonth month, Long amountCents, String currency) {
		jdbc.update("delete from analytics_spend where spend_month = ?", Date.valueOf(month.atDay(1)));
		if (amountCents == null) {
			return;
		}
		if (amountCents < 0) {
			throw InvalidInputException.of("amountCents", "errors.metrics.negative", amountCents);
		}
		String code = currency == null || currency.isBlank() ? settings().reportingCurrency() : currency(currency, "currency");
		jdbc.update("insert into analytics_spend (spend_month, amount_cents, currency) values (?, ?, ?)",
				Date.valueOf(month.atDay(1)), amountCents, code);
	}

	/** A month's rate as entered: one row of the admin page. */
	record Rate(YearMonth month, String currency, BigDecimal rate) {
	}

	@Transactional(readOnly = true)
	List<Rate> rates() {
		return jdbc.query("select rate_month, currency, rate from analytics_exchange_rates where reporting_currency = ?"
				+ " order by rate_month desc, currency", (rs, n) -> new Rate(YearMonth.from(rs.getDate(1).toLocalDate()),
						rs.getString(2).strip(), rs.getBigDecimal(3).stripTrailingZeros()),
				settings().reportingCurrency());
	}

	/** The rates into the reporting currency, per currency and month, for {@link ExchangeRates}. */
	@Transactional(readOnly = true)
	ExchangeRates exchangeRates(String reporting) {
		Map<String, TreeMap<YearMonth, BigDecimal>> rates = new TreeMap<>();
		jdbc.query("select currency, rate_month, rate from analytics_exchange_rates where reporting_currency = ?", rs -> {
			rates.computeIfAbsent(rs.getString(1).strip(), k -> new TreeMap<>())
				.put(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBigDecimal(3));
		}, reporting);
		return new ExchangeRates(reporting, rates);
	}

	/** A month's spend as entered. */
	record Spend(YearMonth month, long amountCents, String currency) {
	}

	@Transactional(readOnly = true)
	List<Spend> spend(YearMonth from, YearMonth to) {
		return new ArrayList<>(jdbc.query("select spend_month, amount_cents, currency from analytics_spend"
				+ " where spend_month between ? and ? order by spend_month", (rs, n) -> new Spend(
						YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2), rs.getString(3).strip()),
				Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1))));
	}

	/** An amount in major units as people type it ({@code 12,500.50} or {@code 12500.5}) in minor units; blank is null. */
	static Long cents(String amount, String currency) {
		if (amount == null || amount.isBlank()) {
			return null;
		}
		int digits = Math.max(0, Currency.getInstance(currency(currency, "currency")).getDefaultFractionDigits());
		try {
			BigDecimal major = new BigDecimal(amount.strip().replace(",", "").replace(" ", ""));
			if (major.scale() > digits) {
				throw InvalidInputException.of("amount", "errors.metrics.amount", amount);
			}
			return major.movePointRight(digits).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw InvalidInputException.of("amount", "errors.metrics.amount", amount);
		}
	}

	static String currency(String code, String field) {
		if (code == null || code.isBlank()) {
			throw InvalidInputException.of(field, "errors.metrics.currency", String.valueOf(code));
		}
		try {
			return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of(field, "errors.metrics.currency", code);
		}
	}

	private static ZoneId zone(String zone) {
		try {
			return ZoneId.of(zone == null ? "" : zone.strip());
		}
		catch (DateTimeException e) {
			throw InvalidInputException.of("timeZone", "errors.metrics.zone", String.valueOf(zone));
		}
	}

	private static BigDecimal fraction(String value, String field) {
		BigDecimal number = positive(value, field);
		if (number.compareTo(BigDecimal.ONE) > 0 || number.scale() > 4) {
			throw InvalidInputException.of(field, "errors.metrics.fraction", value);
		}
		return number;
	}

	private static BigDecimal positive(String value, String field) {
		try {
			BigDecimal number = new BigDecimal(value.strip().replace(',', '.'));
			if (number.signum() <= 0 || number.precision() - number.scale() > 14) {
				throw InvalidInputException.of(field, "errors.metrics.positive", value);
			}
			return number.setScale(Math.min(Math.max(number.scale(), 0), 10), RoundingMode.HALF_UP);
		}
		catch (NumberFormatException | NullPointerException e) {
			throw InvalidInputException.of(field, "errors.metrics.number", String.valueOf(value));
		}
	}
}

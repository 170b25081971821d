package io.rapport.accounts.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;

import io.rapport.shared.InvalidInputException;

/** Converts what the pages' forms send (amounts in major units, days) to what the API takes. */
final class SuccessForms {

	private SuccessForms() {
	}

	static String major(long cents, String currency) {
		return BigDecimal.valueOf(cents, digits(currency)).toPlainString();
	}

	/** "1234.5" EUR is 123450 cents; more decimals than the currency has, or a negative amount, is refused. */
	static Long cents(String amount, String currency, String field) {
		if (amount == null || amount.isBlank()) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(amount.strip().replace(",", ""));
			if (value.signum() < 0) {
				throw InvalidInputException.of(field, "errors.subscription.amount", amount);
			}
			return value.movePointRight(digits(currency)).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw InvalidInputException.of(field, "errors.subscription.amount", amount);
		}
	}

	static Instant day(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, "errors.subscription.day", value);
		}
	}

	static Integer number(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "errors.subscription.seats", value);
		}
	}

	private static int digits(String currency) {
		try {
			return Math.max(0, Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw InvalidInputException.of("currency", "errors.subscription.currency", currency);
		}
	}
}

package io.rapport.accounts;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** An amount of monthly recurring revenue in minor units of an ISO 4217 currency. */
public record Mrr(long cents, String currency) {

	/** The amount as a reader of this language writes money, e.g. {@code €1,234.50}. */
	public String format(Locale locale) {
		Currency c = Currency.getInstance(currency);
		NumberFormat format = NumberFormat.getCurrencyInstance(locale == null ? Locale.ENGLISH : locale);
		format.setCurrency(c);
		int digits = Math.max(0, c.getDefaultFractionDigits());
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(java.math.BigDecimal.valueOf(cents, digits));
	}
}

package io.rapport.analytics.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;

import io.rapport.accounts.Mrr;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** How the Business page writes money (minor units in a currency), rates (fractions as percent) and ratios. */
@Component("metricsFormat")
public class MetricsFormat {

	public String money(Object cents, String currency) {
		if (!(cents instanceof Number number)) {
			return "–";
		}
		return new Mrr(number.longValue(), currency).format(LocaleContextHolder.getLocale());
	}

	public String rate(Object fraction) {
		if (!(fraction instanceof Number number)) {
			return "–";
		}
		NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
		format.setMaximumFractionDigits(1);
		return format.format(number.doubleValue());
	}

	public String number(Object value) {
		if (!(value instanceof Number number)) {
			return "–";
		}
		NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		format.setMaximumFractionDigits(2);
		return format.format(new BigDecimal(number.toString()));
	}
}

package io.rapport.analytics.internal;

import java.text.NumberFormat;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** How the dashboard writes its figures: seconds as "45 s", "12 min", "3 h 20 min", "2 d 4 h"; shares in percent. */
@Component("analyticsFormat")
public class AnalyticsFormat {

	private final MessageSource messages;

	AnalyticsFormat(MessageSource messages) {
		this.messages = messages;
	}

	public String seconds(Object value) {
		if (!(value instanceof Number number)) {
			return "–";
		}
		long s = Math.round(number.doubleValue());
		if (s < 60) {
			return text("analytics.length.seconds", s);
		}
		if (s < 3_600) {
			return text("time.lengthMinutes", s / 60);
		}
		if (s < 86_400) {
			return text("time.lengthHours", s / 3_600, (s % 3_600) / 60);
		}
		return text("time.lengthDays", s / 86_400, (s % 86_400) / 3_600);
	}

	public String percent(Object value) {
		if (!(value instanceof Number number)) {
			return "–";
		}
		NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		format.setMaximumFractionDigits(1);
		return text("analytics.percent", format.format(number.doubleValue()));
	}

	public String score(Object value) {
		if (!(value instanceof Number number)) {
			return "–";
		}
		NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		format.setMaximumFractionDigits(1);
		return (number.doubleValue() > 0 ? "+" : "") + format.format(number.doubleValue());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}

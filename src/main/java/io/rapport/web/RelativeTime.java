package io.rapport.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Times as agents read them in lists ("3 h ago"), with the exact time for a tooltip. Used as {@code @times}. */
@Component("times")
public class RelativeTime {

	private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final MessageSource messages;

	private final Clock clock;

	RelativeTime(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public String ago(Instant at) {
		if (at == null) {
			return "";
		}
		Duration age = Duration.between(at, clock.instant());
		if (age.toMinutes() < 1) {
			return text("time.now");
		}
		if (age.toHours() < 1) {
			return text("time.minutes", age.toMinutes());
		}
		if (age.toDays() < 1) {
			return text("time.hours", age.toHours());
		}
		if (age.toDays() < 60) {
			return text("time.days", age.toDays());
		}
		return exact(at).substring(0, 10);
	}

	public String exact(Instant at) {
		return at == null ? "" : EXACT.format(at);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}

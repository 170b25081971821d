package io.rapport.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;

/**
 * Times as agents read them in lists, always relative ("3 h ago", "58 d ago", "4 mo ago", "2 y ago") so a column
 * never mixes ages with dates, with the exact time for a tooltip in the time zone the agent chose on their profile
 * (UTC when they chose none). Used as {@code @times}.
 */
@Component("times")
public class RelativeTime {

	private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
		if (age.toDays() < 90) {
			return text("time.days", age.toDays());
		}
		if (age.toDays() < 730) {
			return text("time.months", age.toDays() / 30);
		}
		return text("time.years", age.toDays() / 365);
	}

	/** A length of time, such as a first-response time: "45 min", "3 h 20 min", "2 d 4 h". */
	public String duration(Instant from, Instant to) {
		if (from == null || to == null) {
			return "";
		}
		Duration length = Duration.between(from, to);
		if (length.toHours() < 1) {
			return text("time.lengthMinutes", Math.max(0, length.toMinutes()));
		}
		if (length.toDays() < 1) {
			return text("time.lengthHours", length.toHours(), length.toMinutesPart());
		}
		return text("time.lengthDays", length.toDays(), length.toHoursPart());
	}

	public String exact(Instant at) {
		if (at == null) {
			return "";
		}
		ZoneId zone = zone();
		return EXACT.format(at.atZone(zone)) + " " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
	}

	/** The request's zone when the agent chose one; never the server's default. */
	static ZoneId zone() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		if (context instanceof TimeZoneAwareLocaleContext zoned && zoned.getTimeZone() != null) {
			return zoned.getTimeZone().toZoneId();
		}
		return ZoneOffset.UTC;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}

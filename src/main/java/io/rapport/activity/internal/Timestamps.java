package io.rapport.activity.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 timestamps without {@link java.time.format.DateTimeFormatter}, which took most of the time spent on a
 * batch's timestamps (two per event read, two per raw event written): reading the form Segment libraries send
 * ({@code 2026-12-02T13:45:07.123Z}, or with an offset such as {@code +01:00}) and writing the form COPY reads.
 */
final class Timestamps {

	private Timestamps() {
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}, or null for any other form (the caller then asks
	 * {@code OffsetDateTime.parse}, which knows them all and says which are wrong).
	 */
	static Instant parse(String text) {
		int n = text.length();
		if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int at = 19;
		int nanos = 0;
		if (text.charAt(at) == '.') {
			int start = ++at;
			while (at < n && at - start < 9 && isDigit(text.charAt(at))) {
				nanos = nanos * 10 + (text.charAt(at) - '0');
				at++;
			}
			if (at == start || (at < n && isDigit(text.charAt(at)))) {
				return null;
			}
			for (int i = at - start; i < 9; i++) {
				nanos *= 10;
			}
		}
		int offsetSeconds;
		if (at == n - 1 && text.charAt(at) == 'Z') {
			offsetSeconds = 0;
		}
		else if (at == n - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
			int hours = digits(text, at + 1, 2);
			int minutes = digits(text, at + 4, 2);
			if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
				return null;
			}
			offsetSeconds = (hours * 3600 + minutes * 60) * (text.charAt(at) == '-' ? -1 : 1);
		}
		else {
			return null;
		}
		if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
		long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
		return Instant.ofEpochSecond(seconds, nanos);
	}

	/** The instant as COPY's text format reads a {@code timestamp with time zone}: {@code 2026-12-02 13:45:07.123456+00}. */
	static StringBuilder appendUtc(StringBuilder text, Instant instant) {
		LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
		int year = time.getYear();
		if (year < 1000 || year > 9999) {
			return text.append(instant);
		}
		text.append(year).append('-');
		two(text, time.getMonthValue()).append('-');
		two(text, time.getDayOfMonth()).append(' ');
		two(text, time.getHour()).append(':');
		two(text, time.getMinute()).append(':');
		two(text, time.getSecond());
		int micros = instant.getNano() / 1000;
		if (micros != 0) {
			text.append('.');
			for (int unit = 100_000; unit > 0; unit /= 10) {
				text.append((char) ('0' + micros / unit % 10));
			}
		}
		return text.append("+00");
	}

	private static StringBuilder two(StringBuilder text, int value) {
		return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}
}

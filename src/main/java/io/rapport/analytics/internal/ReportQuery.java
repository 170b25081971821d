package io.rapport.analytics.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.Channel;

/**
 * What a report covers: the UTC days {@code from} to {@code to} (both included), how its rows are grouped, and
 * the filters (group key, channel, account, agent), each null for "any".
 */
record ReportQuery(LocalDate from, LocalDate to, GroupBy groupBy, String group, Channel channel, Long account,
		Long agent) {

	/** The longest period a report covers: enough for a year-on-year look, not a scan of everything. */
	static final int MAX_DAYS = 731;

	enum GroupBy {
		CHANNEL, GROUP, AGENT, ACCOUNT, PRIORITY, DAY, WEEK, MONTH, TARGET, POLICY;

		boolean period() {
			return this == DAY || this == WEEK || this == MONTH;
		}

		String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		static GroupBy parse(String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				return valueOf(value.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("groupBy", "errors.analytics.groupBy", value);
			}
		}
	}

	/** Parses request parameters; an absent period is the last 30 days up to {@code today}. */
	static ReportQuery parse(String from, String to, String groupBy, String group, String channel, String account,
			String agent, LocalDate today) {
		LocalDate end = date("to", to, today);
		LocalDate start = date("from", from, end.minusDays(29));
		if (start.isAfter(end)) {
			throw InvalidInputException.of("from", "errors.analytics.fromAfterTo", start, end);
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			throw InvalidInputException.of("to", "errors.analytics.tooLong", MAX_DAYS);
		}
		return new ReportQuery(start, end, GroupBy.parse(groupBy), text(group), channel(channel), id("account", account),
				id("agent", agent));
	}

	ReportQuery groupedBy(GroupBy by) {
		return new ReportQuery(from, to, by, group, channel, account, agent);
	}

	ReportQuery forAgent(Long agentId) {
		return new ReportQuery(from, to, groupBy, group, channel, account, agentId);
	}

	long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** The period grain that draws a readable trend: days up to a month, weeks up to half a year, then months. */
	GroupBy trendGrain() {
		long days = days();
		return days <= 31 ? GroupBy.DAY : days <= 183 ? GroupBy.WEEK : GroupBy.MONTH;
	}

	private static LocalDate date(String name, String value, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw InvalidInputException.of(name, "errors.analytics.date", value);
		}
	}

	private static Channel channel(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Channel.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("channel", "errors.analytics.channel", value);
		}
	}

	private static Long id(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.strip().matches("\\d{1,18}")) {
			throw InvalidInputException.of(name, "errors.analytics.id", value);
		}
		return Long.parseLong(value.strip());
	}

	private static String text(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String key = value.strip().toLowerCase(Locale.ROOT);
		if (!key.matches("[a-z][a-z0-9_-]{0,39}")) {
			throw InvalidInputException.of("group", "errors.analytics.group", value);
		}
		return key;
	}
}

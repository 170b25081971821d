package io.rapport.activity.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.rapport.accounts.AccountsApi;
import io.rapport.shared.timeline.TimelineEntry;
import io.rapport.shared.timeline.TimelineSource;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage highlights on an account's timeline, computed from the daily rollups (never raw events): the first value
 * event, each person's first active day ("new person active"), and a 30-day period whose product usage fell by 40%
 * or more, or grew by 50% or more, against the 30 days before it. Periods are fixed 30-day blocks counted from
 * 1970-01-01, so a highlight stays where it is whatever page of the timeline is read; only whole periods count.
 * Rapport's own facts (tickets, surveys) are not product usage and are left out of the comparison.
 */
@Component
class UsageTimeline implements TimelineSource {

	static final int PERIOD_DAYS = 30;

	/** Below this many events in the earlier period a change is noise, not a highlight. */
	static final long MIN_EVENTS = 20;

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final EventKinds kinds;

	private final AccountsApi accounts;

	UsageTimeline(JdbcTemplate jdbc, MessageSource messages, EventKinds kinds, AccountsApi accounts) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.kinds = kinds;
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> entries(long accountId, Instant before, int limit, Locale locale) {
		LocalDate today = before.atZone(ZoneOffset.UTC).toLocalDate();
		List<TimelineEntry> entries = new ArrayList<>();
		firstValueEvent(accountId, today, locale, entries);
		newPeople(accountId, today, locale, entries);
		periods(accountId, before, today, locale, entries);
		return entries.stream().filter(e -> e.at().isBefore(before))
			.sorted(Comparator.comparing(TimelineEntry::at).reversed()).limit(limit).toList();
	}

	private void firstValueEvent(long accountId, LocalDate today, Locale locale, List<TimelineEntry> entries) {
		Set<String> values = kinds.valueEvents();
		if (values.isEmpty()) {
			return;
		}
		String marks = String.join(",", java.util.Collections.nCopies(values.size(), "?"));
		List<Object> args = new ArrayList<>(List.of(accountId, Date.valueOf(today)));
		args.addAll(values);
		jdbc.query("select usage_day, event from activity_daily where account_id = ? and usage_day <= ? and event in ("
				+ marks + ") order by usage_day, event limit 1", rs -> {
					entries.add(new TimelineEntry(start(rs.getDate(1).toLocalDate()), "usage.first-value",
							messages.getMessage("timeline.usage.firstValue", new Object[] { rs.getString(2) }, locale),
							null, null, null));
				}, args.toArray());
	}

	/**
	 * Each known person's first active day, from the cohort read model (kept with the rollups: the same as the least
	 * day of their rollups, read by key instead of grouping a year of rows, a third of the 360 page's database time);
	 * anonymous visitors are not people an account manager can name.
	 */
	private void newPeople(long accountId, LocalDate today, Locale locale, List<TimelineEntry> entries) {
		Map<String, LocalDate> first = new TreeMap<>();
		jdbc.query("select user_key, first_day from activity_cohort_people where lvl = 'U' and account_id = ? "
				+ "and first_day <= ? and (user_key like 'c:%' or user_key like 'u:%')", rs -> {
					first.put(rs.getString(1), rs.getDate(2).toLocalDate());
				}, accountId, Date.valueOf(today));
		Map<Long, String> names = new HashMap<>();
		accounts.contacts(first.keySet().stream().filter(k -> k.startsWith("c:"))
			.map(k -> Long.valueOf(k.substring(2))).toList()).forEach((id, c) -> names.put(id, c.displayName()));
		Map<LocalDate, Integer> sameDay = new HashMap<>();
		first.forEach((key, day) -> {
			String name = key.startsWith("c:") ? names.getOrDefault(Long.valueOf(key.substring(2)), key.substring(2))
					: key.substring(2);
			// people first seen on the same day get distinct instants, so a page boundary never splits a tie
			int n = sameDay.merge(day, 1, Integer::sum);
			entries.add(new TimelineEntry(start(day).plusSeconds(n), "usage.new-person",
					messages.getMessage("timeline.usage.newPerson", new Object[] { name }, locale), null, null, name));
		});
	}

	private void periods(long accountId, Instant before, LocalDate today, Locale locale, List<TimelineEntry> entries) {
		Map<Long, long[]> sums = new TreeMap<>();
		List<Object> args = new ArrayList<>(List.of(accountId, Date.valueOf(today)));
		args.addAll(EventKinds.RAPPORT);
		String marks = String.join(",", java.util.Collections.nCopies(EventKinds.RAPPORT.size(), "?"));
		jdbc.query("select usage_day, sum(event_count) from activity_daily where account_id = ? and usage_day < ? "
				+ "and event not in (" + marks + ") group by usage_day", rs -> {
					long period = rs.getDate(1).toLocalDate().toEpochDay() / PERIOD_DAYS;
					sums.computeIfAbsent(period, p -> new long[1])[0] += rs.getLong(2);
				}, args.toArray());
		long current = today.toEpochDay() / PERIOD_DAYS;
		for (Map.Entry<Long, long[]> e : sums.entrySet()) {
			long period = e.getKey();
			if (period >= current) {
				continue;
			}
			long previous = sums.containsKey(period - 1) ? sums.get(period - 1)[0] : 0;
			if (previous < MIN_EVENTS) {
				continue;
			}
			long now = e.getValue()[0];
			long change = Math.round(100.0 * (now - previous) / previous);
			String key = change <= -40 ? "timeline.usage.down" : change >= 50 ? "timeline.usage.up" : null;
			if (key != null) {
				entries.add(new TimelineEntry(start(LocalDate.ofEpochDay((period + 1) * PERIOD_DAYS)),
						change < 0 ? "usage.down" : "usage.up",
						messages.getMessage(key, new Object[] { Math.abs(change) }, locale),
						messages.getMessage("timeline.usage.periodDetail", new Object[] { previous, now }, locale), null,
						null));
			}
		}
		// a period with no events at all after a busy one is the sharpest drop of all
		for (Map.Entry<Long, long[]> e : sums.entrySet()) {
			long next = e.getKey() + 1;
			if (next < current && !sums.containsKey(next) && e.getValue()[0] >= MIN_EVENTS) {
				entries.add(new TimelineEntry(start(LocalDate.ofEpochDay((next + 1) * PERIOD_DAYS)), "usage.down",
						messages.getMessage("timeline.usage.down", new Object[] { 100 }, locale),
						messages.getMessage("timeline.usage.periodDetail", new Object[] { e.getValue()[0], 0 }, locale),
						null, null));
			}
		}
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}
}

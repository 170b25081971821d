package io.rapport.customer360.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import io.rapport.accounts.AccountSummary;
import io.rapport.accounts.AccountsApi;
import io.rapport.activity.ActivityApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.timeline.TimelineEntry;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the account page shows as a customer 360, read by its templates ({@code @customer360}) so that the page
 * (rendered by the tickets module) needs no code of ours: usage charts, the timeline's first page, the people,
 * and "seats used" for the header. Agents only; anyone else gets nothing.
 */
@Component("customer360")
public class Customer360 {

	/** Entries per page of the timeline. */
	public static final int PAGE = 25;

	/** "Seats used" counts people active in this many days, today included. */
	public static final int SEATS_DAYS = 30;

	private final TimelineMerge timeline;

	private final UsageCharts usage;

	private final AccountPeople people;

	private final ActivityApi activity;

	private final AccountsApi accounts;

	private final MessageSource messages;

	private final Clock clock;

	Customer360(TimelineMerge timeline, UsageCharts usage, AccountPeople people, ActivityApi activity,
			AccountsApi accounts, MessageSource messages, Clock clock) {
		this.timeline = timeline;
		this.usage = usage;
		this.people = people;
		this.activity = activity;
		this.accounts = accounts;
		this.messages = messages;
		this.clock = clock;
	}

	/** One line of the timeline as the page draws it: the entry and the group its marker is coloured by. */
	public record Line(TimelineEntry entry, String group) {
	}

	/** A page of the timeline with what its filter and "Load more" need. */
	public record TimelinePage(long accountId, List<Line> lines, Instant next, String kind) {
	}

	/** Usage charts for the account, or null for a reader who is not an agent. */
	public UsageCharts.Usage usage(long accountId) {
		return agent() ? usage.of(accountId, today(), LocaleContextHolder.getLocale()) : null;
	}

	public List<AccountPeople.Person> people(long accountId) {
		return agent() ? people.of(accountId) : List.of();
	}

	/** A page of the timeline before {@code before} (ISO-8601; blank: now) of one group of kinds (blank: all). */
	public TimelinePage timeline(long accountId, String before, String kind) {
		if (!agent()) {
			return new TimelinePage(accountId, List.of(), null, null);
		}
		TimelineKinds.Kind filter = TimelineKinds.parse(kind).orElse(null);
		if (kind != null && !kind.isBlank() && filter == null) {
			throw InvalidInputException.of("kind", "errors.timeline.kind", kind);
		}
		TimelineMerge.Page page = timeline.page(accountId, cursor(before), filter, PAGE, LocaleContextHolder.getLocale());
		return new TimelinePage(accountId,
				page.entries().stream().map(e -> new Line(e, TimelineKinds.Kind.of(e.kind()))).toList(), page.next(),
				filter == null ? null : filter.key());
	}

	/** The groups the timeline can be filtered to, as values of the filter's field. */
	public List<String> kinds() {
		return Arrays.stream(TimelineKinds.Kind.values()).map(TimelineKinds.Kind::key).toList();
	}

	/** Distinct people active in the last 30 days (today included). */
	public long seatsUsed(long accountId) {
		LocalDate today = today();
		return activity.activePeople(accountId, today.minusDays(SEATS_DAYS - 1), today);
	}

	/** "7 of 10" for the header: people active in 30 days against the seats of the subscriptions in force. */
	public String seatsUsedText(AccountSummary summary) {
		long used = seatsUsed(summary.accountId());
		return summary.subscribed() ? messages.getMessage("c360.seatsUsed.of", new Object[] { used, summary.seats() },
				LocaleContextHolder.getLocale()) : String.valueOf(used);
	}

	/** Whether the header should warn: more people active than seats paid for, or under half of them used. */
	public String seatsUsedState(AccountSummary summary) {
		if (!summary.subscribed() || summary.seats() <= 0) {
			return "";
		}
		long used = seatsUsed(summary.accountId());
		return used > summary.seats() ? "c360-seats-over" : used * 2 < summary.seats() ? "c360-seats-low" : "";
	}

	private Instant cursor(String before) {
		if (before == null || before.isBlank()) {
			// the first page includes what happened at this very instant (sources answer strictly before)
			return clock.instant().plusMillis(1);
		}
		try {
			return Instant.parse(before.strip());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of("before", "errors.timeline.before", before);
		}
	}

	private LocalDate today() {
		return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
	}

	private static boolean agent() {
		AuthenticatedUser user = AuthenticatedUser.current();
		return user != null && user.isAgent();
	}
}

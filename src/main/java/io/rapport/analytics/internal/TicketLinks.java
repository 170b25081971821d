package io.rapport.analytics.internal;

import java.time.LocalDate;

import io.rapport.analytics.internal.ReportQuery.GroupBy;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links from a figure to the tickets behind it, in the ticket list's own filters ({@code /tickets?view=search
 * &created_from=...&channel=EMAIL&answered=yes}): the dashboard's filters, the figure's period and key.
 */
final class TicketLinks {

	static final String ANY_STATUS = "NEW,OPEN,PENDING,ON_HOLD,SOLVED,CLOSED";

	static final String UNSOLVED = "NEW,OPEN,PENDING,ON_HOLD";

	private final UriComponentsBuilder uri;

	private TicketLinks(ReportQuery q, String statuses) {
		uri = UriComponentsBuilder.fromPath("/tickets").queryParam("view", "search").queryParam("status", statuses);
		if (q.channel() != null) {
			uri.queryParam("channel", q.channel().name());
		}
		if (q.group() != null) {
			uri.queryParam("group", q.group());
		}
		if (q.account() != null) {
			uri.queryParam("account", q.account());
		}
		if (q.agent() != null) {
			uri.queryParam("assignee", q.agent());
		}
	}

	/** Tickets of any status created in the query's period. */
	static TicketLinks created(ReportQuery q) {
		return new TicketLinks(q, ANY_STATUS).range("created", q.from(), q.to());
	}

	/** Tickets of any status solved in the query's period. */
	static TicketLinks solved(ReportQuery q) {
		return new TicketLinks(q, ANY_STATUS).range("solved", q.from(), q.to());
	}

	/** Unsolved tickets (no period: the backlog is now). */
	static TicketLinks unsolved(ReportQuery q) {
		return new TicketLinks(q, UNSOLVED);
	}

	TicketLinks answered(boolean answered) {
		uri.replaceQueryParam("answered", answered ? "yes" : "no");
		return this;
	}

	TicketLinks status(String status) {
		uri.replaceQueryParam("status", status);
		return this;
	}

	/** Narrows to one row's key: a period (within the query's period) or a channel, group, agent, account, priority. */
	TicketLinks key(GroupBy by, Object key, String field, ReportQuery q) {
		if (key == null || by == null) {
			return this;
		}
		switch (by) {
			case DAY, WEEK, MONTH -> {
				LocalDate start = by == GroupBy.MONTH ? LocalDate.parse(key + "-01") : LocalDate.parse(key.toString());
				LocalDate end = by == GroupBy.DAY ? start : by == GroupBy.WEEK ? start.plusDays(6)
						: start.plusMonths(1).minusDays(1);
				range(field, start.isBefore(q.from()) ? q.from() : start, end.isAfter(q.to()) ? q.to() : end);
			}
			case CHANNEL -> uri.replaceQueryParam("channel", key);
			case GROUP -> uri.replaceQueryParam("group", key);
			case AGENT -> uri.replaceQueryParam("assignee", key);
			case ACCOUNT -> uri.replaceQueryParam("account", key);
			case PRIORITY -> uri.replaceQueryParam("priority", key);
			default -> {
			}
		}
		return this;
	}

	TicketLinks range(String field, LocalDate from, LocalDate to) {
		uri.replaceQueryParam(field + "_from", from);
		uri.replaceQueryParam(field + "_to", to);
		return this;
	}

	String href() {
		return uri.encode().build().toUriString();
	}
}

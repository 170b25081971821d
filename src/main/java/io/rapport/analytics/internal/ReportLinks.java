package io.rapport.analytics.internal;

import java.time.LocalDate;

import io.rapport.analytics.internal.ReportQuery.GroupBy;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links from a dashboard figure that is not a count of tickets to what lies behind it: CSAT to the satisfaction
 * feed of the same period (every answer, with its comment and ticket), NPS to the NPS results, SLA compliance to the
 * report of ended targets as CSV. {@link TicketLinks} does the figures that count tickets.
 */
final class ReportLinks {

	private ReportLinks() {
	}

	/** The satisfaction feed for the query's period, or for one of its periods ({@code key} of {@code grain}). */
	static String csatFeed(ReportQuery q, GroupBy grain, Object key) {
		LocalDate from = q.from();
		LocalDate to = q.to();
		if (grain != null && key != null) {
			LocalDate start = grain == GroupBy.MONTH ? LocalDate.parse(key + "-01") : LocalDate.parse(key.toString());
			LocalDate end = grain == GroupBy.DAY ? start : grain == GroupBy.WEEK ? start.plusDays(6)
					: start.plusMonths(1).minusDays(1);
			from = start.isBefore(from) ? from : start;
			to = end.isAfter(to) ? to : end;
		}
		return UriComponentsBuilder.fromPath("/surveys/csat").queryParam("from", from).queryParam("to", to)
			.build().toUriString();
	}

	/** The NPS results over as many days back from today as the query covers. */
	static String npsResults(ReportQuery q) {
		return UriComponentsBuilder.fromPath("/nps").queryParam("days", q.days()).build().toUriString();
	}

	/** A report of the query as CSV, grouped by {@code by}. */
	static String csv(String kind, ReportQuery q, GroupBy by) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/reports/" + kind + ".csv")
			.queryParam("from", q.from()).queryParam("to", q.to()).queryParam("groupBy", by.param());
		if (q.channel() != null) {
			uri.queryParam("channel", q.channel().name());
		}
		if (q.group() != null) {
			uri.queryParam("group", q.group());
		}
		if (q.account() != null) {
			uri.queryParam("account", q.account());
		}
		return uri.encode().build().toUriString();
	}
}

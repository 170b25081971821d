package io.rapport.surveys.csat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountsApi;
import io.rapport.shared.timeline.TimelineEntry;
import io.rapport.shared.timeline.TimelineSource;
import io.rapport.tickets.TicketLookup;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's CSAT answers on its timeline: the rating in force on each ticket with its comment, when it was
 * last rated. Read from {@code csat_answers} by account and time (indexed), cut at the limit.
 */
@Component
class CsatTimeline implements TimelineSource {

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final AccountsApi accounts;

	private final TicketLookup tickets;

	CsatTimeline(JdbcTemplate jdbc, MessageSource messages, AccountsApi accounts, TicketLookup tickets) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.accounts = accounts;
		this.tickets = tickets;
	}

	private record Row(Instant at, long ticketId, long contactId, int rating, String comment) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> entries(long accountId, Instant before, int limit, Locale locale) {
		List<Row> rows = jdbc.query("select rated_at, ticket_id, contact_id, rating, comment from csat_answers "
				+ "where account_id = ? and rated_at < ? order by rated_at desc limit ?",
				(rs, n) -> new Row(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2), rs.getLong(3),
						rs.getInt(4), rs.getString(5)), accountId, Timestamp.from(before), limit);
		Set<Long> contactIds = rows.stream().map(Row::contactId).collect(Collectors.toSet());
		Map<Long, String> names = new HashMap<>();
		accounts.contacts(contactIds).forEach((id, c) -> names.put(id, c.displayName()));
		Map<Long, Long> numbers = new HashMap<>();
		return rows.stream().map(row -> {
			long number = numbers.computeIfAbsent(row.ticketId(),
					id -> tickets.header(id).map(TicketLookup.TicketHeader::number).orElse(id));
			String text = messages.getMessage(row.rating() >= 4 ? "timeline.csat.good" : "timeline.csat.bad",
					new Object[] { row.rating(), String.valueOf(number) }, locale);
			return new TimelineEntry(row.at(), "csat.rated", text, row.comment(), "/tickets/" + row.ticketId(),
					names.get(row.contactId()));
		}).toList();
	}
}

package io.rapport.tickets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AgentView;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.timeline.TimelineEntry;
import io.rapport.shared.timeline.TimelineSource;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets of an account on its timeline: each one opened (with its channel and subject), solved, reopened
 * (from solved or closed: a customer who came back) and escalated (with the group and the reason). Three queries,
 * each on an index that starts with the account or the ticket and ends with the time, each cut at the limit.
 */
@Component
class TicketTimeline implements TimelineSource {

	private static final String TICKET = "t.id, t.ticket_number, t.subject, t.channel";

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	TicketTimeline(JdbcTemplate jdbc, MessageSource messages, AccountsApi accounts, IdentityApi identity) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.accounts = accounts;
		this.identity = identity;
	}

	/** One row before it is put in words: what happened, to which ticket, by whom. */
	private record Row(Instant at, String kind, long ticketId, long number, String subject, String channel,
			String actorKind, Long actorId, String actorLabel, Long groupId, String reason) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> entries(long accountId, Instant before, int limit, Locale locale) {
		Timestamp until = Timestamp.from(before);
		List<Row> rows = new ArrayList<>();
		rows.addAll(jdbc.query("select t.created_at, " + TICKET + ", t.requester_id from tickets t "
				+ "where t.account_id = ? and t.created_at < ? order by t.created_at desc limit ?",
				(rs, n) -> new Row(time(rs, 1), "ticket.created", rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getString(5), "CONTACT", rs.getLong(6), null, null, null), accountId, until, limit));
		rows.addAll(jdbc.query("select c.changed_at, " + TICKET + ", c.new_value, c.actor_kind, c.actor_id, "
				+ "c.actor_label from tickets t join ticket_changes c on c.ticket_id = t.id where t.account_id = ? "
				+ "and c.field = 'status' and c.changed_at < ? and (c.new_value = 'SOLVED' or (c.new_value = 'OPEN' "
				+ "and c.old_value in ('SOLVED', 'CLOSED'))) order by c.changed_at desc limit ?",
				(rs, n) -> new Row(time(rs, 1), "SOLVED".equals(rs.getString(6)) ? "ticket.solved" : "ticket.reopened",
						rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(7),
						rs.getObject(8, Long.class), rs.getString(9), null, null), accountId, until, limit));
		rows.addAll(jdbc.query("select e.escalated_at, " + TICKET + ", e.by_id, e.to_group_id, e.reason from tickets t "
				+ "join escalations e on e.ticket_id = t.id where t.account_id = ? and e.escalated_at < ? "
				+ "order by e.escalated_at desc limit ?",
				(rs, n) -> new Row(time(rs, 1), "ticket.escalated", rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getString(5), rs.getObject(6) == null ? "SYSTEM" : "AGENT", rs.getObject(6, Long.class), null,
						rs.getLong(7), rs.getString(8)), accountId, until, limit));
		rows.sort(Comparator.comparing(Row::at).reversed());
		List<Row> page = rows.subList(0, Math.min(limit, rows.size()));
		Names names = new Names(page);
		return page.stream().map(row -> entry(row, names, locale)).toList();
	}

	private TimelineEntry entry(Row row, Names names, Locale locale) {
		String channel = messages.getMessage("channel." + row.channel(), null, row.channel(), locale);
		// the number as text: a message format would write ticket 1042 as "1,042"
		String number = String.valueOf(row.number());
		String text = switch (row.kind()) {
			case "ticket.created" -> messages.getMessage("timeline.ticket.created", new Object[] { number, channel },
					locale);
			case "ticket.escalated" -> messages.getMessage("timeline.ticket.escalated",
					new Object[] { number, names.group(row.groupId()) }, locale);
			default -> messages.getMessage("timeline." + row.kind(), new Object[] { number }, locale);
		};
		String detail = row.reason() == null ? row.subject() : row.subject() + " — " + row.reason();
		return new TimelineEntry(row.at(), row.kind(), text, detail, "/tickets/" + row.ticketId(), names.actor(row));
	}

	/** The people and groups a page of rows names, read once for the page. */
	private final class Names {

		private final Map<Long, String> contacts = new HashMap<>();

		private final Map<Long, String> agents = new HashMap<>();

		private final Map<Long, String> groups = new HashMap<>();

		Names(List<Row> rows) {
			Set<Long> contactIds = new HashSet<>();
			for (Row row : rows) {
				if ("CONTACT".equals(row.actorKind()) && row.actorId() != null) {
					contactIds.add(row.actorId());
				}
			}
			accounts.contacts(contactIds).forEach((id, c) -> contacts.put(id, c.displayName()));
			if (rows.stream().anyMatch(r -> "AGENT".equals(r.actorKind()))) {
				identity.agents().forEach((AgentView a) -> agents.put(a.id(), a.name()));
			}
			if (rows.stream().anyMatch(r -> r.groupId() != null)) {
				identity.groups().forEach((GroupView g) -> groups.put(g.id(), g.name()));
			}
		}

		String actor(Row row) {
			if (row.actorId() == null) {
				return row.actorLabel();
			}
			return "AGENT".equals(row.actorKind()) ? agents.get(row.actorId()) : contacts.get(row.actorId());
		}

		String group(Long id) {
			return groups.getOrDefault(id, "—");
		}
	}

	private static Instant time(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}
}

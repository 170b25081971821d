package io.rapport.tickets.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.rapport.identity.IdentityApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.SafeHtml;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.ImportedTicket;
import io.rapport.tickets.NewMessage.BodyFormat;
import io.rapport.tickets.TicketImport;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.Visibility;
import io.rapport.tickets.internal.search.TicketIndexing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes imported tickets with one JDBC batch per table. Ticket ids come from {@link IdBlocks} like every other
 * ticket's; message, escalation and change ids from the sequences Hibernate draws from, read the way Hibernate
 * reads them ({@link PooledIds}). Their search keys and index documents are written before the transaction ends.
 */
@Service
class TicketImporter implements TicketImport {

	private static final String INSERT_TICKET = "insert into tickets (id, ticket_number, subject, requester_id, "
			+ "account_id, type, priority, status, channel, group_id, assignee_id, created_at, updated_at, "
			+ "first_response_at, solved_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

	private static final String INSERT_TAG = "insert into ticket_tags (ticket_id, tag_position, tag) values (?, ?, ?)";

	private static final String INSERT_MESSAGE = "insert into messages (id, ticket_id, author_kind, author_id, "
			+ "visibility, body_html, created_at) values (?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_ESCALATION = "insert into escalations (id, ticket_id, from_group_id, "
			+ "to_group_id, reason, by_id, escalated_at) values (?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_CHANGE = "insert into ticket_changes (id, ticket_id, actor_kind, actor_id, "
			+ "field, old_value, new_value, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final IdBlocks ids;

	private final IdentityApi identity;

	private final TicketSearchKeys searchKeys;

	private final TicketIndexing indexing;

	TicketImporter(JdbcTemplate jdbc, IdBlocks ids, IdentityApi identity, TicketSearchKeys searchKeys,
			TicketIndexing indexing) {
		this.jdbc = jdbc;
		this.ids = ids;
		this.identity = identity;
		this.searchKeys = searchKeys;
		this.indexing = indexing;
	}

	@Override
	@Transactional
	public List<Long> importTickets(List<ImportedTicket> tickets) {
		Rows rows = new Rows(new PooledIds(jdbc, "messages_seq"), new PooledIds(jdbc, "escalations_seq"),
				new PooledIds(jdbc, "ticket_changes_seq"));
		List<Long> stored = new ArrayList<>(tickets.size());
		for (int i = 0; i < tickets.size(); i++) {
			stored.add(add(tickets.get(i), "tickets[" + i + "]", rows));
		}
		jdbc.batchUpdate(INSERT_TICKET, rows.tickets);
		jdbc.batchUpdate(INSERT_TAG, rows.tags);
		jdbc.batchUpdate(INSERT_MESSAGE, rows.messages);
		jdbc.batchUpdate(INSERT_ESCALATION, rows.escalations);
		jdbc.batchUpdate(INSERT_CHANGE, rows.changes);
		searchKeys.fillMissing();
		indexing.index(stored);
		return stored;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasTickets() {
		return !jdbc.queryForList("select id from tickets fetch first 1 rows only", Long.class).isEmpty();
	}

	private long add(ImportedTicket ticket, String field, Rows rows) {
		check(ticket, field);
		long id = ids.nextTicketId();
		Instant updated = ticket.createdAt();
		for (ImportedTicket.Message message : ticket.messages()) {
			rows.messages.add(new Object[] { rows.messageIds.next(), id, message.authorKind().name(),
					message.authorId(), visibility(message).name(), body(message, field), time(message.at()) });
			updated = later(updated, message.at());
		}
		History history = new History(id, rows);
		for (ImportedTicket.Escalation escalation : ticket.escalations()) {
			long from = groupId(escalation.from(), field);
			long to = groupId(escalation.to(), field);
			rows.escalations.add(new Object[] { rows.escalationIds.next(), id, from, to, escalation.reason().strip(),
					escalation.byId(), time(escalation.at()) });
			history.record(escalation.byId(), "group", escalation.from(), escalation.to(), escalation.at());
			updated = later(updated, escalation.at());
		}
		deriveHistory(ticket, history);
		Instant solved = TicketStatus.DONE.contains(ticket.status()) ? ticket.solvedAt() : null;
		updated = later(updated, solved);
		rows.tickets.add(new Object[] { id, id, ticket.subject().strip(), ticket.requesterId(), ticket.accountId(),
				ticket.type().name(), ticket.priority().name(), ticket.status().name(), ticket.channel().name(),
				groupId(ticket.group(), field), ticket.assigneeId(), time(ticket.createdAt()), time(updated),
				time(ticket.firstResponseAt()), time(solved) });
		List<String> tags = Tags.normalize(ticket.tags(), field + ".tags");
		for (int i = 0; i < tags.size(); i++) {
			rows.tags.add(new Object[] { id, i, tags.get(i) });
		}
		return id;
	}

	/** The changes a ticket's life implies: opened by its first answer, assigned, and its final status. */
	private static void deriveHistory(ImportedTicket ticket, History history) {
		TicketStatus status = ticket.status();
		Long agent = ticket.assigneeId();
		if (ticket.firstResponseAt() != null && status != TicketStatus.NEW) {
			history.record(agent, "status", TicketStatus.NEW.name(), TicketStatus.OPEN.name(), ticket.firstResponseAt());
		}
		if (agent != null) {
			history.record(agent, "assignee", null, agent.toString(),
					ticket.firstResponseAt() != null ? ticket.firstResponseAt() : ticket.createdAt());
		}
		Instant last = ticket.messages().isEmpty() ? ticket.createdAt()
				: ticket.messages().get(ticket.messages().size() - 1).at();
		switch (status) {
			case PENDING, ON_HOLD -> history.record(agent, "status", TicketStatus.OPEN.name(), status.name(), last);
			case SOLVED -> history.record(agent, "status", TicketStatus.OPEN.name(), status.name(), ticket.solvedAt());
			case CLOSED -> {
				history.record(agent, "status", TicketStatus.OPEN.name(), TicketStatus.SOLVED.name(), ticket.solvedAt());
				history.record(null, "status", TicketStatus.SOLVED.name(), TicketStatus.CLOSED.name(), ticket.solvedAt());
			}
			default -> {
			}
		}
	}

	private static void check(ImportedTicket ticket, String field) {
		if (ticket.subject() == null || ticket.subject().isBlank() || ticket.subject().strip().length() > 250) {
			throw InvalidInputException.of(field + ".subject", "errors.ticket.import-subject");
		}
		if (ticket.type() == null || ticket.priority() == null || ticket.channel() == null || ticket.status() == null
				|| ticket.createdAt() == null || ticket.group() == null) {
			throw InvalidInputException.of(field, "errors.ticket.import-required");
		}
		if (TicketStatus.DONE.contains(ticket.status()) && ticket.solvedAt() == null) {
			throw InvalidInputException.of(field + ".solvedAt", "errors.ticket.import-solved-at");
		}
		for (ImportedTicket.Escalation escalation : ticket.escalations()) {
			if (escalation.reason() == null || escalation.reason().isBlank() || escalation.at() == null) {
				throw InvalidInputException.of(field + ".escalations", "errors.ticket.import-escalation");
			}
		}
	}

	private long groupId(String key, String field) {
		return identity.requireGroup(field + ".group", key).id();
	}

	private static Visibility visibility(ImportedTicket.Message message) {
		return message.visibility() == null ? Visibility.PUBLIC : message.visibility();
	}

	private static String body(ImportedTicket.Message message, String field) {
		String raw = message.body() == null ? "" : message.body();
		String html = message.format() == BodyFormat.HTML ? SafeHtml.sanitize(raw)
				: message.format() == BodyFormat.TEXT ? SafeHtml.fromText(raw) : SafeHtml.fromEither(raw);
		if (html.isBlank()) {
			throw InvalidInputException.of(field + ".messages", "errors.ticket.import-message-empty");
		}
		return html;
	}

	private static Instant later(Instant a, Instant b) {
		return b != null && b.isAfter(a) ? b : a;
	}

	private static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** Rows waiting for their batch, and the id sources of this import. */
	private static final class Rows {

		final List<Object[]> tickets = new ArrayList<>();

		final List<Object[]> tags = new ArrayList<>();

		final List<Object[]> messages = new ArrayList<>();

		final List<Object[]> escalations = new ArrayList<>();

		final List<Object[]> changes = new ArrayList<>();

		final PooledIds messageIds;

		final PooledIds escalationIds;

		final PooledIds changeIds;

		Rows(PooledIds messageIds, PooledIds escalationIds, PooledIds changeIds) {
			this.messageIds = messageIds;
			this.escalationIds = escalationIds;
			this.changeIds = changeIds;
		}
	}

	private record History(long ticketId, Rows rows) {

		void record(Long agentId, String field, String oldValue, String newValue, Instant at) {
			AuthorKind kind = agentId == null ? AuthorKind.SYSTEM : AuthorKind.AGENT;
			rows.changes.add(new Object[] { rows.changeIds.next(), ticketId, kind.name(), agentId, field, oldValue,
					newValue, time(at) });
		}
	}
}

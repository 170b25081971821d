package io.rapport.tickets.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketAutomation;
import io.rapport.tickets.TicketDeadlines;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the workflows module does to tickets as a system actor, and the SLA due time it keeps for the "breaches
 * first" sort. The due time is written with plain SQL: it is not a change of the ticket (no version, no history).
 */
@Component
class TicketAutomations implements TicketAutomation, TicketDeadlines {

	private final Tickets tickets;

	private final TicketStore store;

	private final IdentityApi identity;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	TicketAutomations(Tickets tickets, TicketStore store, IdentityApi identity, JdbcTemplate jdbc, Clock clock) {
		this.tickets = tickets;
		this.store = store;
		this.identity = identity;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public boolean raisePriority(long ticketId, String actor) {
		Ticket ticket = tickets.findById(ticketId).orElse(null);
		if (ticket == null || ticket.getStatus() == TicketStatus.CLOSED
				|| ticket.getPriority() == TicketPriority.URGENT) {
			return false;
		}
		TicketPriority next = TicketPriority.values()[ticket.getPriority().ordinal() + 1];
		ticket.changePriority(next, Actor.system(actor), clock.instant());
		store.save(ticket);
		return true;
	}

	@Override
	@Transactional
	public boolean moveToGroup(long ticketId, String groupKey, String actor) {
		Ticket ticket = tickets.findById(ticketId).orElse(null);
		GroupView group = groupKey == null ? null : identity.groupByKey(groupKey).orElse(null);
		if (ticket == null || group == null || ticket.getGroupId() == group.id()
				|| !ticket.getStatus().isUnsolved()) {
			return false;
		}
		ticket.moveTo(group.id(), identity.groupKey(ticket.getGroupId()), group.key(), Actor.system(actor),
				clock.instant());
		store.save(ticket);
		return true;
	}

	@Override
	public void set(long ticketId, Instant nextDueAt) {
		jdbc.update("update tickets set sla_due_at = ? where id = ?",
				nextDueAt == null ? null : java.time.OffsetDateTime.ofInstant(nextDueAt, java.time.ZoneOffset.UTC), ticketId);
	}

	@Override
	public java.util.List<Long> unsolved(long afterTicketId, int limit) {
		return jdbc.queryForList("select id from tickets where status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') and id > ? "
				+ "order by id fetch first " + Math.max(1, limit) + " rows only", Long.class, afterTicketId);
	}

	@Override
	public Map<Long, Instant> of(Collection<Long> ticketIds) {
		Map<Long, Instant> due = new HashMap<>();
		if (ticketIds.isEmpty()) {
			return due;
		}
		new NamedParameterJdbcTemplate(jdbc).query(
				"select id, sla_due_at from tickets where sla_due_at is not null and id in (:ids)",
				Map.of("ids", ticketIds),
				rs -> {
					due.put(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
				});
		return due;
	}
}

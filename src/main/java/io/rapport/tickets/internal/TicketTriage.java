package io.rapport.tickets.internal;

import java.time.Clock;
import java.time.Instant;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support team's decisions on a ticket: its fields and assignee, and moving it to another group. Edits are
 * optimistic: a caller who read an older version gets a conflict rather than overwriting what they did not see.
 */
@Component
class TicketTriage {

	private final TicketAccess access;

	private final Escalations escalations;

	private final TicketStore store;

	private final TicketViews views;

	private final IdentityApi identity;

	private final Clock clock;

	private final AccountsApi accounts;

	TicketTriage(TicketAccess access, Escalations escalations, TicketStore store, TicketViews views,
			IdentityApi identity, Clock clock, AccountsApi accounts) {
		this.accounts = accounts;
		this.access = access;
		this.escalations = escalations;
		this.store = store;
		this.views = views;
		this.identity = identity;
		this.clock = clock;
	}

	@Transactional
	TicketView update(long id, TicketUpdate update, AuthenticatedUser by) {
		Ticket ticket = access.forAgents(id, by);
		if (update.version() == null || update.version() != ticket.getVersion()) {
			throw ConflictException.of("errors.ticket.stale-version", ticket.getNumber(), update.version(),
					ticket.getVersion());
		}
		apply(ticket, update, Actor.of(by), clock.instant());
		store.save(ticket);
		return views.view(ticket);
	}

	/**
	 * Applies the fields of an update. A field sent as it was when the caller read the ticket is not a change: a
	 * page sends every field, and assigning a NEW ticket opens it, so its unchanged {@code status=NEW} must not
	 * then ask to go back to NEW.
	 */
	void apply(Ticket ticket, TicketUpdate update, Actor actor, Instant now) {
		TicketStatus before = ticket.getStatus();
		if (update.type() != null) {
			ticket.changeType(update.type(), actor, now);
		}
		if (update.priority() != null) {
			ticket.changePriority(update.priority(), actor, now);
		}
		if (update.tags() != null) {
			ticket.retag(Tags.normalize(update.tags(), "tags"), actor, now);
		}
		if (Boolean.TRUE.equals(update.unassign())) {
			ticket.assign(null, actor, now);
		}
		else if (update.assigneeId() != null) {
			requireAssignable(update.assigneeId(), ticket);
			ticket.assign(update.assigneeId(), actor, now);
		}
		if (update.ccs() != null) {
			ticket.changeCcs(Participants.checked(update.ccs(), "ccs"), requesterEmail(ticket), actor, now);
		}
		if (update.status() != null && update.status() != before) {
			ticket.changeStatus(update.status(), actor, now);
		}
	}

	@Transactional
	TicketView escalate(long id, String toGroup, String reason, AuthenticatedUser by) {
		Ticket ticket = access.forAgents(id, by);
		if (toGroup == null || toGroup.isBlank()) {
			throw InvalidInputException.of("to", "errors.ticket.escalation-group");
		}
		GroupView to = identity.requireGroup("to", toGroup.strip());
		String from = identity.groupKey(ticket.getGroupId());
		escalations.save(ticket.escalateTo(to.id(), from, to.key(), reason, Actor.of(by), clock.instant()));
		store.save(ticket);
		return views.view(ticket);
	}

	private String requesterEmail(Ticket ticket) {
		return accounts.contact(ticket.getRequesterId()).map(ContactView::email).orElse(null);
	}

	private void requireAssignable(long agentId, Ticket ticket) {
		if (!identity.isActiveMember(agentId, ticket.getGroupId())) {
			throw InvalidInputException.of("assigneeId", "errors.ticket.assignee-outside-group", agentId,
					identity.groupKey(ticket.getGroupId()));
		}
	}
}

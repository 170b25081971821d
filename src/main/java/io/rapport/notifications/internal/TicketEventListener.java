package io.rapport.notifications.internal;

import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketEscalated;
import io.rapport.tickets.TicketStatusChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns ticket events into notifications, after the ticket's transaction committed, each in its own transaction
 * and off the request's thread. {@link TicketNotices} keeps each one idempotent, so a redelivered event (the
 * publication registry redelivers what had not completed before a crash) changes nothing.
 * <p>
 * Each condition names the events that can tell someone something (the same tests {@link TicketNotices} makes
 * first). Spring Modulith stores a publication only for a listener whose condition holds, so the events that
 * concern no one (an agent's reply without mentions, a self-assignment, a status other than solved) cost no
 * registry row, no hand-off to another thread and no completion update. The conditions run in the publishing
 * transaction, so they are null-safe: a condition that threw would fail the change that published the event.
 */
@Component
class TicketEventListener {

	static final String ASSIGNED_TO_SOMEONE_ELSE = "#event.toAgentId() != null and "
			+ "(#event.byKind()?.name() != 'AGENT' or #event.toAgentId() != #event.byId())";

	static final String FROM_A_CUSTOMER_OR_WITH_MENTIONS = "(#event.authorType()?.name() == 'CONTACT' and !#event.autoReply() "
			+ "and !#event.description()) or "
			+ "(#event.authorType()?.name() == 'AGENT' and !#event.mentionedAgentIds().isEmpty())";

	static final String SOLVED = "#event.to()?.name() == 'SOLVED'";

	private final TicketNotices notices;

	TicketEventListener(TicketNotices notices) {
		this.notices = notices;
	}

	@ApplicationModuleListener(condition = ASSIGNED_TO_SOMEONE_ELSE)
	public void on(TicketAssigned event) {
		notices.assigned(event);
	}

	@ApplicationModuleListener(condition = FROM_A_CUSTOMER_OR_WITH_MENTIONS)
	public void on(MessagePosted event) {
		notices.messagePosted(event);
	}

	@ApplicationModuleListener
	public void on(TicketEscalated event) {
		notices.escalated(event);
	}

	@ApplicationModuleListener(condition = SOLVED)
	public void on(TicketStatusChanged event) {
		notices.statusChanged(event);
	}
}

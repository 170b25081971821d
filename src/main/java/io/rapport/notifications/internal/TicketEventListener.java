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
 */
@Component
class TicketEventListener {

	private final TicketNotices notices;

	TicketEventListener(TicketNotices notices) {
		this.notices = notices;
	}

	@ApplicationModuleListener
	public void on(TicketAssigned event) {
		notices.assigned(event);
	}

	@ApplicationModuleListener
	public void on(MessagePosted event) {
		notices.messagePosted(event);
	}

	@ApplicationModuleListener
	public void on(TicketEscalated event) {
		notices.escalated(event);
	}

	@ApplicationModuleListener
	public void on(TicketStatusChanged event) {
		notices.statusChanged(event);
	}
}

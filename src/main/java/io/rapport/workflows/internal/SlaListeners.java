package io.rapport.workflows.internal;

import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketEscalated;
import io.rapport.tickets.TicketPriorityChanged;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketTypeChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The ticket events that start, pause, resume, end and re-evaluate SLA targets ({@link SlaTimers}). */
@Component
class SlaListeners {

	private final SlaTimers timers;

	SlaListeners(SlaTimers timers) {
		this.timers = timers;
	}

	/** A new ticket that no policy covers has no target to start: it stores no publication. */
	@ApplicationModuleListener(condition = "@slaTimers.covers(#event)")
	void on(TicketCreated event) {
		timers.created(event);
	}

	/** A description is the ticket's start ({@code TicketCreated}); automatic answers move no clock. */
	@ApplicationModuleListener(condition = "!#event.description() and !#event.autoReply()")
	void on(MessagePosted event) {
		timers.messagePosted(event);
	}

	@ApplicationModuleListener
	void on(TicketStatusChanged event) {
		timers.statusChanged(event);
	}

	@ApplicationModuleListener
	void on(TicketPriorityChanged event) {
		timers.reevaluate(event.ticketId(), event.at());
	}

	@ApplicationModuleListener
	void on(TicketTypeChanged event) {
		timers.reevaluate(event.ticketId(), event.at());
	}

	@ApplicationModuleListener
	void on(TicketEscalated event) {
		timers.reevaluate(event.ticketId(), event.at());
	}
}

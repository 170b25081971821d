package io.rapport.workflows.internal;

import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketEscalated;
import io.rapport.tickets.TicketPriorityChanged;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketTypeChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The ticket events that start, pause, resume, end and re-evaluate SLA targets ({@link SlaTimers}). */
@Component
class SlaListeners {

	private final SlaTimers timers;

	private final ApplicationEventPublisher events;

	SlaListeners(SlaTimers timers, ApplicationEventPublisher events) {
		this.timers = timers;
		this.events = events;
	}

	/**
	 * A new ticket that no policy covers has no target to start: decided in the transaction that creates it
	 * (policies are kept in memory), so only a covered ticket stores a publication. Not a listener condition, which
	 * Spring asks again at delivery: a policy changed in between would leave the publication undelivered forever.
	 */
	@EventListener
	void decide(TicketCreated event) {
		if (timers.covers(event)) {
			events.publishEvent(new CoveredTicketCreated(event));
		}
	}

	/** Starts the targets of the policy that covers the new ticket now (it may have changed since). */
	@ApplicationModuleListener
	void on(CoveredTicketCreated covered) {
		timers.created(covered.ticket());
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

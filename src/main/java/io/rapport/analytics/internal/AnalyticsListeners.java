package io.rapport.analytics.internal;

import io.rapport.surveys.CsatRated;
import io.rapport.surveys.NpsAnswered;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketEscalated;
import io.rapport.tickets.TicketFacts;
import io.rapport.tickets.TicketPriorityChanged;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketTypeChanged;
import io.rapport.workflows.SlaTargetEnded;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the read models after each change commits, in its own transaction. A ticket event is a signal: the
 * listener reads the ticket's facts as they are now ({@link TicketFacts}) and writes its row again, so events
 * that arrive late, twice or out of order leave the same row. Survey and SLA events carry everything and are
 * kept per answer or target id.
 * <p>
 * Conditions keep the messages that cannot be a first answer (customers' messages, internal notes, automatic
 * answers, messages on a customer's behalf, descriptions) out of the publication registry.
 */
@Component
class AnalyticsListeners {

	static final String MAY_ANSWER = "#event.authorType()?.name() == 'AGENT' and #event.visibility()?.name() == 'PUBLIC'"
			+ " and !#event.autoReply() and #event.onBehalfOfContactId() == null and !#event.description()";

	private final TicketFacts facts;

	private final TicketRows tickets;

	private final SurveyRows surveys;

	AnalyticsListeners(TicketFacts facts, TicketRows tickets, SurveyRows surveys) {
		this.facts = facts;
		this.tickets = tickets;
		this.surveys = surveys;
	}

	@ApplicationModuleListener
	public void on(TicketCreated event) {
		facts.fact(event.ticketId()).ifPresent(tickets::putNew);
	}

	@ApplicationModuleListener(condition = MAY_ANSWER)
	public void on(MessagePosted event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	public void on(TicketAssigned event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	public void on(TicketStatusChanged event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	public void on(TicketPriorityChanged event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	public void on(TicketTypeChanged event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	public void on(TicketEscalated event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	public void on(CsatRated event) {
		surveys.put(event);
	}

	@ApplicationModuleListener
	public void on(NpsAnswered event) {
		surveys.put(event);
	}

	@ApplicationModuleListener
	public void on(SlaTargetEnded event) {
		surveys.put(event);
	}

	private void refresh(long ticketId) {
		facts.fact(ticketId).ifPresent(tickets::put);
	}
}

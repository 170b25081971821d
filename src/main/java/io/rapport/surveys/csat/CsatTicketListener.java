package io.rapport.surveys.csat;

import io.rapport.tickets.TicketReopened;
import io.rapport.tickets.TicketSolved;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Schedules a survey for each solve of a ticket and cancels a waiting one when the ticket is reopened, after the
 * ticket's transaction committed. Both are idempotent: a survey per (ticket, solve time), and cancelling twice
 * changes nothing.
 */
@Component
class CsatTicketListener {

	private final CsatSending surveys;

	CsatTicketListener(CsatSending surveys) {
		this.surveys = surveys;
	}

	@ApplicationModuleListener
	public void on(TicketSolved event) {
		surveys.schedule(event);
	}

	@ApplicationModuleListener
	public void on(TicketReopened event) {
		surveys.reopened(event.ticketId(), event.at());
	}
}

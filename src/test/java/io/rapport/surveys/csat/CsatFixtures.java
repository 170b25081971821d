package io.rapport.surveys.csat;

import java.time.Duration;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.awaitility.Awaitility;
import org.springframework.stereotype.Component;

/** Solved tickets and their surveys, for the CSAT tests. */
@Component
class CsatFixtures {

	private final Fixtures fixtures;

	private final TicketsApi tickets;

	private final CsatStore store;

	private final CsatSending surveys;

	CsatFixtures(Fixtures fixtures, TicketsApi tickets, CsatStore store, CsatSending surveys) {
		this.fixtures = fixtures;
		this.tickets = tickets;
		this.store = store;
		this.surveys = surveys;
	}

	/** A customer's ticket, assigned to {@code agent} (who is in tier1) and solved by them. */
	TicketView aSolvedTicket(Fixtures.Person customer, Fixtures.Person agent) {
		TicketView ticket = fixtures.aTicketFrom(customer, "Invoice question " + System.nanoTime());
		TicketView assigned = tickets.update(ticket.id(), new TicketUpdate(null, null, null, agent.id(), null, null,
				ticket.version()), agent.user());
		return status(assigned, TicketStatus.SOLVED, agent);
	}

	TicketView status(TicketView ticket, TicketStatus status, Fixtures.Person agent) {
		TicketView current = tickets.get(ticket.id(), agent.user());
		return tickets.update(ticket.id(), new TicketUpdate(status, null, null, null, null, null, current.version()),
				agent.user());
	}

	/** Waits for the listener (after commit, on another thread) to have scheduled {@code count} surveys. */
	List<Survey> awaitSurveys(long ticketId, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> store.surveysOf(ticketId).size() >= count);
		return store.surveysOf(ticketId);
	}

	Survey survey(long id) {
		return store.survey(id).orElseThrow();
	}

	CsatSending service() {
		return surveys;
	}
}

package io.rapport.tickets;

import java.util.Optional;

/**
 * Reads a ticket for a module acting on its own, where no person asks: an event listener deciding whom to notify,
 * a job. No access rule applies, so what it returns must never be shown to a person who could not read it through
 * {@link TicketsApi#get}.
 */
public interface TicketLookup {

	Optional<TicketView> find(long id);

	/**
	 * The few facts a notice about a ticket names (its number, subject, assignee and requester), read without the
	 * conversation, tags or history that {@link #find} assembles: listeners that run for every message use this.
	 */
	Optional<TicketHeader> header(long id);

	record TicketHeader(long id, long number, String subject, Long assigneeId, long requesterId) {
	}
}

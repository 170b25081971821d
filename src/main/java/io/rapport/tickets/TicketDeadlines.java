package io.rapport.tickets;

import java.time.Instant;

/**
 * The next SLA due time of a ticket, which the workflows module keeps so that queues can sort "breaches first"
 * ({@link TicketSort#breachesFirst()}). Setting it is not a change of the ticket: no history, no version, no event.
 */
public interface TicketDeadlines {

	/** The soonest due time of the ticket's running targets, or null when none runs. */
	void set(long ticketId, Instant nextDueAt);

	/** The due times of these tickets (those without one left out), for a badge in a list. */
	java.util.Map<Long, Instant> of(java.util.Collection<Long> ticketIds);

	/**
	 * Unsolved tickets by id, after {@code afterTicketId}, at most {@code limit}: to page through every open ticket when
	 * a rule that may apply to them changes (a new or widened SLA policy).
	 */
	java.util.List<Long> unsolved(long afterTicketId, int limit);
}

package io.rapport.tickets;

import java.util.Optional;

/**
 * Reads a ticket for a module acting on its own, where no person asks: an event listener deciding whom to notify,
 * a job. No access rule applies, so what it returns must never be shown to a person who could not read it through
 * {@link TicketsApi#get}.
 */
public interface TicketLookup {

	Optional<TicketView> find(long id);
}

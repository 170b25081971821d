package io.rapport.tickets;

import java.util.List;

/**
 * Stores tickets that already have a past: their original timestamps, status, conversation, escalations and
 * assignee. Used by importers from other help desks and by the demo data; {@link TicketsApi} is for tickets that
 * happen now.
 * <p>
 * Imports are written with batched JDBC, one transaction per call, so that millions of tickets (a migration, a
 * benchmark) load in minutes: call it with batches of a few hundred to a few thousand tickets. Each ticket gets a
 * fresh number, drawn like any other, and a history derived from its life (first answer, assignment, escalations,
 * final status). Bodies are sanitized like every stored body. Imports publish no events: they are the past, not
 * news, and modules that keep read models rebuild them from the data.
 */
public interface TicketImport {

	/** Stores the tickets and returns their ids (which are their numbers), in the order given. */
	List<Long> importTickets(List<ImportedTicket> tickets);

	/** Whether the help desk has any ticket at all, so first-start fillers know to stay away. */
	boolean hasTickets();
}

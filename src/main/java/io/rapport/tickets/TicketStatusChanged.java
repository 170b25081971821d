package io.rapport.tickets;

import java.time.Instant;

/**
 * Any status change. Reopening, solving and closing are also published as {@link TicketReopened},
 * {@link TicketSolved} and {@link TicketClosed}, for listeners that care about only one of them.
 */
public record TicketStatusChanged(long ticketId, TicketStatus from, TicketStatus to, AuthorKind byKind, Long byId,
		Instant at) {
}

package io.rapport.tickets;

import java.time.Instant;

/** The assignee changed; {@code toAgentId} is null when the ticket was unassigned. */
public record TicketAssigned(long ticketId, Long fromAgentId, Long toAgentId, AuthorKind byKind, Long byId,
		Instant at) {
}

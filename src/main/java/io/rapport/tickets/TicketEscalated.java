package io.rapport.tickets;

import java.time.Instant;

/** The ticket moved to another group with a reason; the support team's record, never shown to customers. */
public record TicketEscalated(long ticketId, String fromGroup, String toGroup, String reason, long byAgentId,
		Instant at) {
}

package io.rapport.tickets;

import java.time.Instant;

public record TicketEscalated(long ticketId, String fromGroup, String toGroup, String reason, long byAgentId,
		Instant at) {
}

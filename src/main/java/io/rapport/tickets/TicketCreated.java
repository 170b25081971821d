package io.rapport.tickets;

import java.time.Instant;

public record TicketCreated(long ticketId, long requesterId, Long accountId, Channel channel, TicketType type,
		Instant at) {
}

package io.rapport.tickets;

import java.time.Instant;

/** A ticket was opened, by any channel. {@code byAgentId} is set when an agent opened it for the customer. */
public record TicketCreated(long ticketId, long requesterId, Long accountId, Channel channel, TicketType type,
		TicketPriority priority, String groupKey, Long byAgentId, Instant at) {
}

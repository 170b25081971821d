package io.rapport.tickets;

import java.time.Instant;

public record TicketPriorityChanged(long ticketId, TicketPriority from, TicketPriority to, Instant at) {
}

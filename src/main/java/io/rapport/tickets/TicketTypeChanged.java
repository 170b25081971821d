package io.rapport.tickets;

import java.time.Instant;

public record TicketTypeChanged(long ticketId, TicketType from, TicketType to, Instant at) {
}

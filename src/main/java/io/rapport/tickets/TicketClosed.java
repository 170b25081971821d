package io.rapport.tickets;

import java.time.Instant;

public record TicketClosed(long ticketId, Long accountId, Instant at) {
}

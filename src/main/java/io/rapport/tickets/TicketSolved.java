package io.rapport.tickets;

import java.time.Instant;

public record TicketSolved(long ticketId, Long accountId, Long assigneeId, Instant at) {
}

package io.rapport.tickets;

import java.time.Instant;

/** A solved (or pending, on-hold) ticket came back to OPEN because the customer wrote again or an agent reopened it. */
public record TicketReopened(long ticketId, Long accountId, TicketStatus from, Instant at) {
}

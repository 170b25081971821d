package io.rapport.tickets;

import java.time.Instant;
import java.util.List;

/** The tags, in their order, before and after. */
public record TicketTagsChanged(long ticketId, List<String> from, List<String> to, Instant at) {
}

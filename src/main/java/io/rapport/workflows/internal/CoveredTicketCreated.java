package io.rapport.workflows.internal;

import io.rapport.tickets.TicketCreated;

/** A new ticket that an SLA policy covered as it was created ({@link SlaListeners}); its targets start on this. */
public record CoveredTicketCreated(TicketCreated ticket) {
}

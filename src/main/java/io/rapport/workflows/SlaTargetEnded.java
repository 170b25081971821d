package io.rapport.workflows;

import java.time.Instant;

import io.rapport.tickets.TicketPriority;

/**
 * An SLA target of a ticket ended: met (the reply or resolution came in time) or breached (its due time passed
 * first). {@code target} is {@code FIRST_REPLY}, {@code NEXT_REPLY} or {@code RESOLUTION}; {@code targetId} is
 * unique per ticket and target instance (a ticket has several next-reply targets), so a redelivery stores nothing
 * new.
 */
public record SlaTargetEnded(long targetId, long ticketId, long policyId, String policyName, String target,
		TicketPriority priority, String groupKey, Long accountId, boolean breached, Instant startedAt, Instant dueAt,
		Instant at) {
}

package io.rapport.tickets;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A change to a ticket's fields; null leaves a field as it is. {@code unassign} clears the assignee, since a null
 * {@code assigneeId} means "no change". {@code ccs} replaces the addresses copied on the ticket (an empty list
 * removes them all). {@code version} is the version the caller read: a stale one is a conflict.
 */
public record TicketUpdate(TicketStatus status, TicketPriority priority, TicketType type, Long assigneeId,
		Boolean unassign, @Size(max = 20) List<@Size(max = 50) String> tags, @NotNull Long version,
		@Size(max = 50) List<@Size(max = 254) String> ccs) {

	/** A change that leaves the CCs as they are. */
	public TicketUpdate(TicketStatus status, TicketPriority priority, TicketType type, Long assigneeId,
			Boolean unassign, List<String> tags, Long version) {
		this(status, priority, type, assigneeId, unassign, tags, version, null);
	}
}

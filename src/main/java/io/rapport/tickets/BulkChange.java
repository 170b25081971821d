package io.rapport.tickets;

import java.util.List;

/**
 * One change applied to many tickets from a queue. Null means "leave as is". {@code assigneeId} with
 * {@code unassign} false assigns; {@code unassign} true removes the assignee. {@code escalateTo} needs a
 * {@code reason}, the same for every ticket.
 */
public record BulkChange(Long assigneeId, boolean unassign, TicketStatus status, TicketPriority priority,
		List<String> addTags, List<String> removeTags, String escalateTo, String reason) {

	public boolean isEmpty() {
		return assigneeId == null && !unassign && status == null && priority == null && empty(addTags)
				&& empty(removeTags) && (escalateTo == null || escalateTo.isBlank());
	}

	private static boolean empty(List<String> tags) {
		return tags == null || tags.isEmpty();
	}
}

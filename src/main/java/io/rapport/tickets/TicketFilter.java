package io.rapport.tickets;

import java.util.Set;

/**
 * Which tickets to list. Null means "any". {@code unassigned} restricts to tickets nobody is assigned to;
 * {@code text} matches the number, the subject, or the requester's email or name.
 */
public record TicketFilter(Set<TicketStatus> statuses, Set<Long> groupIds, Long assigneeId, boolean unassigned,
		Long requesterId, Long accountId, String tag, String text) {

	public static TicketFilter any() {
		return new TicketFilter(null, null, null, false, null, null, null, null);
	}

	public TicketFilter withRequester(long id) {
		return new TicketFilter(statuses, groupIds, assigneeId, unassigned, id, accountId, tag, text);
	}
}

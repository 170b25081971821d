package io.rapport.tickets;

import java.time.Instant;
import java.util.Set;

/**
 * Which tickets to list. Null means "any". {@code unassigned} restricts to tickets nobody is assigned to;
 * {@code text} matches the number, or the subject, the requester's name or email, or the account's name, ignoring
 * case and accents. {@code tag} must be present; of {@code anyTags} one must be. Time ranges include their start
 * and exclude their end. {@code answered} keeps tickets an agent has answered (true) or not yet (false); the solved
 * range keeps tickets solved in it (the reports link to the tickets behind each figure with these).
 */
public record TicketFilter(Set<TicketStatus> statuses, Set<Long> groupIds, Long assigneeId, boolean unassigned,
		Long requesterId, Long accountId, String tag, String text, Set<TicketPriority> priorities,
		Set<TicketType> types, Set<Channel> channels, Set<String> anyTags, Instant createdFrom,
		Instant createdBefore, Instant updatedFrom, Instant updatedBefore, Boolean answered, Instant solvedFrom,
		Instant solvedBefore) {

	public TicketFilter(Set<TicketStatus> statuses, Set<Long> groupIds, Long assigneeId, boolean unassigned,
			Long requesterId, Long accountId, String tag, String text, Set<TicketPriority> priorities,
			Set<TicketType> types, Set<Channel> channels, Set<String> anyTags, Instant createdFrom,
			Instant createdBefore, Instant updatedFrom, Instant updatedBefore) {
		this(statuses, groupIds, assigneeId, unassigned, requesterId, accountId, tag, text, priorities, types,
				channels, anyTags, createdFrom, createdBefore, updatedFrom, updatedBefore, null, null, null);
	}

	public TicketFilter(Set<TicketStatus> statuses, Set<Long> groupIds, Long assigneeId, boolean unassigned,
			Long requesterId, Long accountId, String tag, String text) {
		this(statuses, groupIds, assigneeId, unassigned, requesterId, accountId, tag, text, null, null, null, null,
				null, null, null, null);
	}

	public static TicketFilter any() {
		return new TicketFilter(null, null, null, false, null, null, null, null);
	}

	public TicketFilter withRequester(long id) {
		return new TicketFilter(statuses, groupIds, assigneeId, unassigned, id, accountId, tag, text, priorities,
				types, channels, anyTags, createdFrom, createdBefore, updatedFrom, updatedBefore, answered, solvedFrom,
				solvedBefore);
	}

	public TicketFilter withAccount(long id) {
		return new TicketFilter(statuses, groupIds, assigneeId, unassigned, requesterId, id, tag, text, priorities,
				types, channels, anyTags, createdFrom, createdBefore, updatedFrom, updatedBefore, answered, solvedFrom,
				solvedBefore);
	}
}

package io.rapport.tickets;

import java.time.Instant;
import java.util.List;

import io.rapport.tickets.NewMessage.BodyFormat;

/**
 * A ticket with its whole past, as another help desk exported it or the demo made it up. Groups are named by key
 * ({@code tier1}, {@code tier2}, {@code sales}); people by id (contacts from accounts, agents from identity).
 *
 * @param group the group the ticket is in now, after its escalations
 * @param assigneeId the agent working on it now, or null
 * @param firstResponseAt the first public answer of an agent, or null if there was none yet
 * @param solvedAt when it was solved; required for SOLVED and CLOSED tickets, ignored otherwise
 * @param messages the conversation in order; the first is usually the requester's description
 * @param escalations moves between groups in order, including a ticket sent back to where it came from
 */
public record ImportedTicket(long requesterId, Long accountId, String subject, TicketType type,
		TicketPriority priority, Channel channel, String group, Long assigneeId, TicketStatus status,
		Instant createdAt, Instant firstResponseAt, Instant solvedAt, List<String> tags, List<Message> messages,
		List<Escalation> escalations) {

	public ImportedTicket {
		tags = tags == null ? List.of() : List.copyOf(tags);
		messages = messages == null ? List.of() : List.copyOf(messages);
		escalations = escalations == null ? List.of() : List.copyOf(escalations);
	}

	/** A reply, a note or a customer's message. The body is sanitized on import, as any body is. */
	public record Message(AuthorKind authorKind, Long authorId, Visibility visibility, String body, BodyFormat format,
			Instant at) {
	}

	public record Escalation(String from, String to, String reason, Long byId, Instant at) {
	}
}

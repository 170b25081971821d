package io.rapport.tickets;

import java.time.Instant;
import java.util.Set;

/**
 * A message was added to a ticket, its description included. {@code authorType} says who wrote it (an agent writing
 * on a customer's behalf is AGENT, with the customer in {@code onBehalfOfContactId}); {@code channel} is where it
 * arrived: the channel that handed it to {@link TicketIntake}, or, for messages written in Rapport (pages, API), the
 * ticket's channel, the way back to the customer. {@code mentionedAgentIds} are the agents @mentioned in an internal
 * note (docs/ui.md has the rule). {@code autoReply} marks an automatic answer (out of office): not the customer's
 * reply, so nobody is told "the customer replied" and no mail answers it. {@code description} marks the message a
 * ticket was opened with: news of a new ticket, never a reply.
 */
public record MessagePosted(long ticketId, long messageId, AuthorKind authorType, Long authorId,
		Visibility visibility, Channel channel, Set<Long> mentionedAgentIds, Instant at, boolean autoReply,
		Long onBehalfOfContactId, boolean description) {

	public MessagePosted {
		mentionedAgentIds = mentionedAgentIds == null ? Set.of() : Set.copyOf(mentionedAgentIds);
	}

	/** A message written by a person, for nobody else. */
	public MessagePosted(long ticketId, long messageId, AuthorKind authorType, Long authorId, Visibility visibility,
			Channel channel, Set<Long> mentionedAgentIds, Instant at) {
		this(ticketId, messageId, authorType, authorId, visibility, channel, mentionedAgentIds, at, false, null, false);
	}
}

package io.rapport.tickets;

import java.time.Instant;
import java.util.Set;

/**
 * A message was added to a ticket. {@code authorType} says who wrote it (an agent writing on a customer's behalf is
 * AGENT); {@code channel} is where it arrived; {@code mentionedAgentIds} are the agents @mentioned in it.
 */
public record MessagePosted(long ticketId, long messageId, AuthorKind authorType, Long authorId,
		Visibility visibility, Channel channel, Set<Long> mentionedAgentIds, Instant at) {

	public MessagePosted {
		mentionedAgentIds = mentionedAgentIds == null ? Set.of() : Set.copyOf(mentionedAgentIds);
	}
}

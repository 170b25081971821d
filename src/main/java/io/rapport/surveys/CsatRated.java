package io.rapport.surveys;

import java.time.Instant;

import io.rapport.tickets.Channel;

/**
 * A requester rated the help on a solved ticket (1 to 5), or changed their rating. {@code answerId} names the
 * answer: a changed rating publishes again with the same id, so a listener keeps the latest per id.
 * {@code agentId} is the agent the ticket was assigned to when it was solved, {@code groupKey} its group.
 */
public record CsatRated(long answerId, long ticketId, long contactId, Long accountId, Long agentId, String groupKey,
		Channel channel, int rating, boolean commented, Instant surveyedAt, Instant at) {

	/** The seeds' satisfied answer: 4 or 5 of 5. */
	public boolean satisfied() {
		return rating >= 4;
	}
}

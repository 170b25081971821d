package io.rapport.surveys.csat;

import java.time.Instant;

import io.rapport.surveys.CsatRated;
import io.rapport.tickets.Channel;

/** The answer in force on a ticket: the latest rating through its latest answered survey. */
public record Answer(long id, long ticketId, long surveyId, long contactId, Long accountId, Long agentId, String groupKey,
		Channel channel, int rating, String comment, Instant surveyedAt, Instant firstRatedAt, Instant ratedAt) {

	CsatRated event() {
		return new CsatRated(id, ticketId, contactId, accountId, agentId, groupKey, channel, rating,
				comment != null && !comment.isBlank(), surveyedAt, ratedAt);
	}
}

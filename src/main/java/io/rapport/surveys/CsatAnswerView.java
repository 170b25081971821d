package io.rapport.surveys;

import java.time.Instant;

/** The answer in force on a ticket after a rating: the same {@code answerId} for every change and every re-solve. */
public record CsatAnswerView(long answerId, long ticketId, int rating, String comment, Instant ratedAt,
		Instant expiresAt) {
}

package io.rapport.surveys;

import java.time.Instant;

/**
 * An open CSAT survey as its requester sees it: the wording in their language, and the answer given so far
 * ({@code rating} null while unanswered).
 */
public record CsatOffer(long surveyId, long ticketId, String question, String commentPrompt, String thanks,
		Integer rating, String comment, Instant expiresAt) {

	public boolean answered() {
		return rating != null;
	}
}

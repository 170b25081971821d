package io.rapport.surveys;

import java.time.Instant;

/**
 * A contact answered "how likely are you to recommend us?" (0 to 10), in a campaign Rapport sent or imported by an
 * admin ({@code campaignId} null when imported without one). {@code answerId} names the answer: a changed score
 * publishes again with the same id.
 */
public record NpsAnswered(long answerId, long contactId, Long accountId, Long campaignId, int score,
		boolean commented, Instant at) {

	public boolean promoter() {
		return score >= 9;
	}

	public boolean detractor() {
		return score <= 6;
	}
}

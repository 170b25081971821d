package io.rapport.accounts;

import java.time.Instant;

/**
 * One dated change of a subscription, with the MRR after it and the difference it made: what MRR, churn and
 * expansion are summed from. {@code recordedBy} is the agent who entered it, null for imports and rules.
 */
public record MovementView(long id, long subscriptionId, long accountId, MovementKind kind, Instant effectiveAt,
		String plan, long mrrCents, long mrrDeltaCents, String currency, int seats, String reason, Long recordedBy,
		Instant recordedAt) {
}

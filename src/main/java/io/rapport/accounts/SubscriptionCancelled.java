package io.rapport.accounts;

import java.time.Instant;

/** A subscription was cancelled: the MRR it loses from {@code effectiveAt} on, and the reason given. */
public record SubscriptionCancelled(long subscriptionId, long accountId, String plan, long mrrCents,
		String currency, int seats, Instant effectiveAt, String reason) {
}

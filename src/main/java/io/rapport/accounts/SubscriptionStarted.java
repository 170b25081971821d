package io.rapport.accounts;

import java.time.Instant;

/**
 * A subscription began. Its MRR counts from {@code effectiveAt}: the end of the trial, or the start when there is
 * none. Carries all a metrics read model needs without reading accounts' tables.
 */
public record SubscriptionStarted(long subscriptionId, long accountId, String plan, long mrrCents, String currency,
		int seats, Instant startedAt, Instant trialEndsAt, Instant renewsAt, Instant effectiveAt) {
}

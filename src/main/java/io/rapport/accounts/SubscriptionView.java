package io.rapport.accounts;

import java.time.Instant;

/** A subscription as the API answers it; {@code status} is read from the dates at the time of the request. */
public record SubscriptionView(long id, long accountId, String plan, long mrrCents, String currency, int seats,
		SubscriptionStatus status, Instant startedAt, Instant trialEndsAt, Instant renewsAt, Instant cancelledAt,
		String cancelReason) {

	public boolean live() {
		return status != SubscriptionStatus.CANCELLED;
	}
}

package io.rapport.accounts;

import java.time.Instant;

/**
 * A subscription's plan, MRR or seats changed ({@code EXPANSION}, {@code CONTRACTION}, {@code PLAN_CHANGE}), or a
 * cancelled one came back ({@code REACTIVATION}, previous MRR 0).
 */
public record SubscriptionChanged(long subscriptionId, long accountId, MovementKind kind, String plan,
		long mrrCents, long previousMrrCents, String currency, int seats, int previousSeats, Instant effectiveAt) {

	public long mrrDeltaCents() {
		return mrrCents - previousMrrCents;
	}
}

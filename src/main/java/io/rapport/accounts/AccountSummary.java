package io.rapport.accounts;

import java.time.Instant;
import java.util.List;

/**
 * Who a customer is to the business, in one glance (the header of the account page and the ticket page's
 * panel): plans and MRR of the subscriptions in force (one amount per currency; trials are not revenue yet),
 * seats, the next renewal, the stage, the owner and the owner's pinned note.
 */
public record AccountSummary(long accountId, String name, List<String> plans, List<Mrr> mrr, int seats,
		boolean trial, Instant renewsAt, LifecycleStage stage, Long ownerId, String ownerName, PinnedNote note) {

	public boolean subscribed() {
		return !plans.isEmpty();
	}
}

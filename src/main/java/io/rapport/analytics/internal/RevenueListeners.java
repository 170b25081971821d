package io.rapport.analytics.internal;

import io.rapport.accounts.SubscriptionCancelled;
import io.rapport.accounts.SubscriptionChanged;
import io.rapport.accounts.SubscriptionStarted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the revenue read model after each subscription change commits. Each event only names the account whose
 * ledger is read again whole ({@link RevenueModel#refresh}), so events redelivered after a crash, twice or out of
 * order leave the same rows.
 */
@Component
class RevenueListeners {

	private final RevenueModel model;

	RevenueListeners(RevenueModel model) {
		this.model = model;
	}

	@ApplicationModuleListener
	public void on(SubscriptionStarted event) {
		model.refresh(event.accountId());
	}

	@ApplicationModuleListener
	public void on(SubscriptionChanged event) {
		model.refresh(event.accountId());
	}

	@ApplicationModuleListener
	public void on(SubscriptionCancelled event) {
		model.refresh(event.accountId());
	}
}

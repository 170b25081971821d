package io.rapport.health.playbooks;

import java.util.List;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.SubscriptionStatus;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;

import org.springframework.stereotype.Component;

/**
 * Whether an account meets a playbook's conditions, read at the moment the trigger fires. The MRR compared is the
 * sum of the paying subscriptions in force (trials are not revenue yet), in minor units whatever the currency; the
 * plan matches any subscription in force, ignoring case.
 */
@Component
class AccountConditions {

	private final SubscriptionsApi subscriptions;

	AccountConditions(SubscriptionsApi subscriptions) {
		this.subscriptions = subscriptions;
	}

	boolean met(Playbook.Conditions c, AccountView account) {
		if (c.stage() != null && c.stage() != account.stage()) {
			return false;
		}
		if (c.ownerId() != null && !c.ownerId().equals(account.ownerId())) {
			return false;
		}
		if (c.plan() == null && c.mrrMin() == null && c.mrrMax() == null) {
			return true;
		}
		List<SubscriptionView> live = subscriptions.ofAccount(account.id()).stream().filter(SubscriptionView::live)
			.toList();
		if (c.plan() != null && live.stream().noneMatch(s -> s.plan().equalsIgnoreCase(c.plan()))) {
			return false;
		}
		long mrr = live.stream().filter(s -> s.status() == SubscriptionStatus.ACTIVE)
			.mapToLong(SubscriptionView::mrrCents).sum();
		return (c.mrrMin() == null || mrr >= c.mrrMin()) && (c.mrrMax() == null || mrr <= c.mrrMax());
	}
}

package io.rapport.analytics.internal;

import java.util.HashSet;
import java.util.Set;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;

import org.springframework.stereotype.Component;

/**
 * The accounts a metric keeps for its owner and lifecycle-stage filters, as they are now (accounts have no other
 * segment): one query of the accounts module.
 */
@Component
class AccountFilter {

	private final AccountsApi accounts;

	AccountFilter(AccountsApi accounts) {
		this.accounts = accounts;
	}

	/** The ids kept, or null when neither filter is set (every account). */
	Set<Long> kept(Long owner, LifecycleStage stage) {
		if (owner == null && stage == null) {
			return null;
		}
		return new HashSet<>(accounts.accountIdsWhere(stage, owner));
	}
}

package io.rapport.analytics.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.rapport.accounts.AccountSummary;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;

import org.springframework.stereotype.Component;

/**
 * The accounts a metric keeps for its owner and lifecycle-stage filters, as they are now: the owner's portfolio,
 * or every account walked a thousand at a time and kept by its stage (accounts have no other segment).
 */
@Component
class AccountFilter {

	private static final int PAGE = 1000;

	private final AccountsApi accounts;

	AccountFilter(AccountsApi accounts) {
		this.accounts = accounts;
	}

	/** The ids kept, or null when neither filter is set (every account). */
	Set<Long> kept(Long owner, LifecycleStage stage) {
		if (owner == null && stage == null) {
			return null;
		}
		Set<Long> kept = new HashSet<>();
		if (stage == null) {
			accounts.portfolio(owner).stream().map(AccountSummary::accountId).forEach(kept::add);
			return kept;
		}
		long after = 0;
		for (List<Long> ids = accounts.accountIds(after, PAGE); !ids.isEmpty(); ids = accounts.accountIds(after, PAGE)) {
			after = ids.get(ids.size() - 1);
			for (AccountView a : accounts.accounts(ids).values()) {
				if (a.stage() == stage && (owner == null || owner.equals(a.ownerId()))) {
					kept.add(a.id());
				}
			}
		}
		return kept;
	}
}

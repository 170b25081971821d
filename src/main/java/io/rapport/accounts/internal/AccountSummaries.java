package io.rapport.accounts.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.rapport.accounts.AccountSummary;
import io.rapport.accounts.Mrr;
import io.rapport.accounts.SubscriptionStatus;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds {@link AccountSummary}s: one for a page header or a ticket, or a success manager's whole portfolio. */
@Component
public class AccountSummaries {

	private final Accounts accounts;

	private final SubscriptionsApi subscriptions;

	private final IdentityApi identity;

	AccountSummaries(Accounts accounts, SubscriptionsApi subscriptions, IdentityApi identity) {
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.identity = identity;
	}

	@Transactional(readOnly = true)
	public java.util.Optional<AccountSummary> of(long accountId) {
		return accounts.findById(accountId).map(a -> summary(a, subscriptions.ofAccount(accountId)));
	}

	/** The accounts an agent owns, soonest renewal first (those without one last). */
	@Transactional(readOnly = true)
	public List<AccountSummary> ownedBy(long ownerId) {
		List<Account> owned = accounts.findByOwnerIdOrderByName(ownerId);
		Map<Long, List<SubscriptionView>> subs = subscriptions.ofAccounts(owned.stream().map(Account::getId).toList());
		return owned.stream().map(a -> summary(a, subs.getOrDefault(a.getId(), List.of())))
			.sorted(Comparator.comparing(AccountSummary::renewsAt, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	private AccountSummary summary(Account account, List<SubscriptionView> all) {
		List<SubscriptionView> live = all.stream().filter(SubscriptionView::live).toList();
		Map<String, Long> mrr = new LinkedHashMap<>();
		live.stream().filter(s -> s.status() == SubscriptionStatus.ACTIVE)
			.forEach(s -> mrr.merge(s.currency(), s.mrrCents(), Long::sum));
		Instant renewal = live.stream().map(SubscriptionView::renewsAt).filter(Objects::nonNull)
			.min(Comparator.naturalOrder()).orElse(null);
		Long ownerId = account.view().ownerId();
		String ownerName = ownerId == null ? null : identity.agent(ownerId).map(AgentView::name).orElse(null);
		return new AccountSummary(account.getId(), account.view().name(),
				live.stream().map(SubscriptionView::plan).distinct().toList(),
				mrr.entrySet().stream().map(e -> new Mrr(e.getValue(), e.getKey())).toList(),
				live.stream().mapToInt(SubscriptionView::seats).sum(),
				live.stream().anyMatch(s -> s.status() == SubscriptionStatus.TRIAL), renewal, account.stage(), ownerId,
				ownerName, account.pinnedNote());
	}
}

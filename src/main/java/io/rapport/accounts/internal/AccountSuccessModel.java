package io.rapport.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountSummary;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.Mrr;
import io.rapport.accounts.StageChange;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the account page's customer-success sections and the ticket page's account panel show, read by their
 * templates ({@code @accountSuccess}) so that the tickets module's pages need no code of ours.
 */
@Component("accountSuccess")
public class AccountSuccessModel {

	private final AccountsApi accounts;

	private final SubscriptionsApi subscriptions;

	private final IdentityApi identity;

	private final SuccessAccess access;

	private final Clock clock;

	AccountSuccessModel(AccountsApi accounts, SubscriptionsApi subscriptions, IdentityApi identity,
			SuccessAccess access, Clock clock) {
		this.clock = clock;
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.identity = identity;
		this.access = access;
	}

	/** Everything about one account for the signed-in agent; null for a ticket without an account. */
	public View of(Long accountId) {
		AuthenticatedUser user = AuthenticatedUser.current();
		if (accountId == null || user == null || !user.isAgent()) {
			return null;
		}
		AccountSummary summary = accounts.summary(accountId).orElse(null);
		if (summary == null) {
			return null;
		}
		return new View(summary, subscriptions.ofAccount(accountId), accounts.stageHistory(accountId),
				access.mayWrite(user), user.isAdmin() || Long.valueOf(user.id()).equals(summary.ownerId()));
	}

	/** The success managers an account may be given to. */
	public List<AgentView> managers() {
		return identity.groupByKey(GroupView.SUCCESS).map(g -> identity.activeAgentsIn(g.id())).orElse(List.of());
	}

	public Map<Long, String> agentNames() {
		return identity.agents().stream().collect(Collectors.toMap(AgentView::id, AgentView::name));
	}

	public List<LifecycleStage> stages() {
		return List.of(LifecycleStage.values());
	}

	/** MRR amounts in the reader's language, one per currency: "€1,234.50 + $99.00". */
	public String mrr(List<Mrr> amounts) {
		return amounts.isEmpty() ? "—" : amounts.stream().map(m -> m.format(LocaleContextHolder.getLocale()))
			.collect(Collectors.joining(" + "));
	}

	public String mrr(SubscriptionView s) {
		return new Mrr(s.mrrCents(), s.currency()).format(LocaleContextHolder.getLocale());
	}

	/** An amount in major units for a form field: 1234.50 for 123450 cents of EUR. */
	public String amount(SubscriptionView s) {
		return SuccessForms.major(s.mrrCents(), s.currency());
	}

	/** A day as ISO 8601 (UTC), the way the date fields write it. */
	public String day(Instant at) {
		return at == null ? "" : at.atZone(ZoneOffset.UTC).toLocalDate().toString();
	}

	/** Today, for a form's default "from" day. */
	public String today() {
		return day(clock.instant());
	}

	public record View(AccountSummary summary, List<SubscriptionView> subscriptions, List<StageChange> history,
			boolean mayWrite, boolean mayPin) {
	}
}

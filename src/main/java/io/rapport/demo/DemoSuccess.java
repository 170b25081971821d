package io.rapport.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionChange;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;

import org.springframework.stereotype.Component;

/**
 * Brightlane's customer base as customer success sees it: a subscription for every account (plans in EUR, USD
 * and GBP, renewals spread over the next year, some grown or shrunk since), three trials, two cancellations with
 * their reasons (on the smaller plans, as those who leave mostly are), an add-on here and there, a lifecycle stage
 * and an owner (the two success managers) for each, and a few pinned notes. Deterministic by seed.
 * <p>
 * Behind today's subscriptions lies up to two years of history for the Business page (drawn from a random of its
 * own, so today's state is the same with or without it): accounts that left and came back, seats added in steps,
 * a dip and a recovery, a finished onboarding package; {@link DemoRevenue} adds the spend and exchange rates.
 */
@Component
class DemoSuccess {

	static final int[] TRIALS = { 7, 15, 19 };

	static final int[] CANCELLED = { 9, 17 };

	private static final String[][] PLANS = { { "Starter", "9900" }, { "Growth", "49900" }, { "Scale", "149900" },
			{ "Enterprise", "490000" } };

	private static final String[] REASONS = { "Moved to a competitor with a cheaper plan",
			"Company closed its office in this market" };

	private static final String[] NOTES = { "Executive sponsor changed in the spring: keep answers short and formal.",
			"Renewal talks under way: tell me about any escalation the same day.",
			"Champion is the head of IT; they prefer calls to email." };

	private final AccountsApi accounts;

	private final SubscriptionsApi subscriptions;

	private final IdentityApi identity;

	private final Clock clock;

	private final DemoRevenue revenue;

	DemoSuccess(AccountsApi accounts, SubscriptionsApi subscriptions, IdentityApi identity, Clock clock,
			DemoRevenue revenue) {
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.identity = identity;
		this.clock = clock;
		this.revenue = revenue;
	}

	record Result(int subscriptions, int trials, int cancelled, int owned) {
	}

	Result create(long seed) {
		Random random = new Random(seed * 31 + 9);
		Random history = new Random(seed * 31 + 77);
		List<AgentView> managers = identity.groupByKey(GroupView.SUCCESS)
			.map(g -> identity.activeAgentsIn(g.id())).orElse(List.of());
		List<AccountView> all = everyAccount();
		int made = 0;
		int owned = 0;
		for (int i = 0; i < all.size(); i++) {
			AccountView account = all.get(i);
			made += subscribe(account, i, random, history);
			AgentView owner = managers.isEmpty() ? null : managers.get(i % managers.size());
			if (owner != null) {
				accounts.setOwner(account.id(), owner.id());
				owned++;
			}
			stage(account, i, random, owner);
		}
		revenue.create(seed);
		return new Result(made, TRIALS.length, CANCELLED.length, owned);
	}

	/** Every account, oldest first (the 20 named ones, then a benchmark's numbered ones). */
	private List<AccountView> everyAccount() {
		List<AccountView> all = new ArrayList<>();
		for (int page = 0;; page++) {
			List<AccountView> items = accounts.searchAccounts("", page, 100).items();
			all.addAll(items);
			if (items.size() < 100) {
				break;
			}
		}
		all.sort(java.util.Comparator.comparing(AccountView::id));
		return all;
	}

	private int subscribe(AccountView account, int i, Random random, Random history) {
		Instant now = clock.instant();
		int drawn = random.nextInt(PLANS.length);
		String[] plan = PLANS[contains(CANCELLED, i) ? Math.min(1, drawn) : drawn]; // the ones who leave are small
		String currency = i % 7 == 3 ? "GBP" : i % 2 == 0 ? "USD" : "EUR";
		int seats = 5 + random.nextInt(60) % 12; // near the 3 to 14 people the usage simulator gives an account
		long mrr = Long.parseLong(plan[1]) + 1000L * seats;
		if (contains(TRIALS, i)) {
			Instant started = now.minus(Duration.ofDays(3 + random.nextInt(10)));
			subscriptions.create(new NewSubscription(account.id(), plan[0], mrr, currency, seats, started,
					started.plus(Duration.ofDays(365 + 14)), started.plus(Duration.ofDays(14))), null);
			return 1;
		}
		int ageDays = 40 + random.nextInt(700);
		Instant started = now.minus(Duration.ofDays(ageDays));
		Instant renews = started.plus(Duration.ofDays(365L * (ageDays / 365 + 1)));
		int made = earlier(account, i, currency, seats, started, ageDays, history);
		SubscriptionView s = subscriptions.create(new NewSubscription(account.id(), plan[0], mrr, currency, seats,
				started, renews, null), null);
		made++;
		if (random.nextInt(3) == 0) {
			int more = seats / 4 + 1;
			if (ageDays > 90) {
				subscriptions.change(s.id(), new SubscriptionChange(null, mrr + 1000L * (more / 2), seats + more / 2,
						started.plus(Duration.ofDays(ageDays / 4))), null);
			}
			subscriptions.change(s.id(), new SubscriptionChange(null, mrr + 1000L * more, seats + more,
					started.plus(Duration.ofDays(ageDays / 2))), null);
		}
		else if (random.nextInt(5) == 0) {
			subscriptions.change(s.id(), new SubscriptionChange(null, mrr - 1000L * (seats / 5), seats - seats / 5,
					started.plus(Duration.ofDays(ageDays / 3))), null);
		}
		else if (i % 3 == 2 && ageDays > 120 && seats > 3) {
			// a dip and a recovery: two seats given up for a season, then taken back
			subscriptions.change(s.id(), new SubscriptionChange(null, mrr - 2000L, seats - 2,
					started.plus(Duration.ofDays(ageDays / 3))), null);
			subscriptions.change(s.id(), new SubscriptionChange(null, mrr, seats,
					started.plus(Duration.ofDays(2L * ageDays / 3))), null);
		}
		if (i % 6 == 4 && ageDays > 150) {
			SubscriptionView onboarding = subscriptions.create(new NewSubscription(account.id(), "Onboarding package",
					15_000L, currency, 1, started.plus(Duration.ofDays(10)), null, null), null);
			subscriptions.cancel(onboarding.id(), new SubscriptionCancellation(started.plus(Duration.ofDays(100)),
					"Onboarding finished"), null);
			made++;
		}
		if (contains(CANCELLED, i)) {
			int which = i == CANCELLED[0] ? 0 : 1;
			subscriptions.cancel(s.id(), new SubscriptionCancellation(now.minus(Duration.ofDays(5 + 10L * which)),
					REASONS[which]), null);
		}
		else if (i % 5 == 2) {
			subscriptions.create(new NewSubscription(account.id(), "Premium support", 19_900L, currency, seats,
					started.plus(Duration.ofDays(ageDays / 4)), renews, null), null);
			made++;
		}
		return made;
	}

	/**
	 * An earlier subscription that ended before today's began, for some accounts: they left and came back (a
	 * reactivation on the Business page). Never reaches into today's state.
	 */
	private int earlier(AccountView account, int i, String currency, int seats, Instant started, int ageDays,
			Random history) {
		if (i % 4 != 1 || ageDays > 500) {
			return 0;
		}
		int gapDays = 45 + history.nextInt(60);
		Instant ended = started.minus(Duration.ofDays(gapDays));
		Instant began = ended.minus(Duration.ofDays(90 + history.nextInt(120)));
		SubscriptionView old = subscriptions.create(new NewSubscription(account.id(), "Starter", 9_900L + 1000L
				* Math.max(1, seats / 3), currency, Math.max(1, seats / 3), began, null, null), null);
		subscriptions.cancel(old.id(), new SubscriptionCancellation(ended, "Paused the project for a budget review"),
				null);
		return 1;
	}

	private void stage(AccountView account, int i, Random random, AgentView owner) {
		if (contains(TRIALS, i)) {
			return;
		}
		List<LifecycleStage> path = new ArrayList<>(List.of(LifecycleStage.ADOPTION, LifecycleStage.RETENTION,
				LifecycleStage.EXPANSION, LifecycleStage.ADVOCACY));
		int steps = contains(CANCELLED, i) ? 2 : 1 + random.nextInt(path.size());
		AuthenticatedUser by = owner == null ? null
				: AuthenticatedUser.agent(owner.id(), owner.email(), owner.name(), owner.role());
		for (LifecycleStage stage : path.subList(0, steps)) {
			String reason = "Demo: " + stage.name().toLowerCase(java.util.Locale.ROOT) + " reached";
			if (by == null) {
				accounts.moveStage(account.id(), stage, reason, "demo");
			}
			else {
				accounts.moveStage(account.id(), stage, reason, by);
			}
		}
		if (by != null && i < NOTES.length * 4 && i % 4 == 1) {
			accounts.pinNote(account.id(), NOTES[i / 4], by);
		}
	}

	private static boolean contains(int[] values, int value) {
		for (int v : values) {
			if (v == value) {
				return true;
			}
		}
		return false;
	}
}

package io.rapport.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.SubscriptionStatus;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.health.PlaybooksApi;
import io.rapport.shared.RapportProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Playbook runs and tasks for the demo's two success managers, run after the demo's accounts, owners and
 * subscriptions exist (so after {@link DemoData}): the win-back playbook on four accounts twelve days ago (its first
 * tasks done with outcomes, the rest overdue or due soon), the red-score review on two accounts three days ago, and
 * the renewal playbook for every renewal within 60 days, started when it was 60 days away, and onboarding for the
 * accounts still in their trial, four days ago (a new account's playbooks otherwise start an hour after it). Each run is named by a
 * fixed occurrence, so starting again runs nothing twice. Deterministic by seed.
 */
@Component
@Order(25)
class DemoPlaybooks implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPlaybooks.class);

	private static final String[][] OUTCOMES = { { "reached", "Champion confirmed usage dropped after their reorg." },
			{ "resolved", "Sent the SSO guide; resets stopped the same week." },
			{ "no-answer", "Left a voicemail, will try again Thursday." },
			{ "escalated", "Asked tier 2 to reopen the export ticket." } };

	private final PlaybooksApi playbooks;

	private final AccountsApi accounts;

	private final SubscriptionsApi subscriptions;

	private final RapportProperties properties;

	private final Clock clock;

	DemoPlaybooks(PlaybooksApi playbooks, AccountsApi accounts, SubscriptionsApi subscriptions,
			RapportProperties properties, Clock clock) {
		this.playbooks = playbooks;
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled()) {
			return;
		}
		try {
			long seed = properties.demo().seed() == null ? 42L : properties.demo().seed();
			int[] made = create(seed);
			if (made[0] > 0) {
				log.info("Demo playbooks: {} runs, {} tasks, {} done with outcomes", made[0], made[1], made[2]);
			}
		}
		catch (RuntimeException e) {
			log.warn("The demo's playbook runs and tasks could not be created", e);
		}
	}

	int[] create(long seed) {
		Random random = new Random(seed * 17 + 3);
		List<AccountView> owned = owned();
		if (owned.isEmpty()) {
			return new int[3];
		}
		Instant now = clock.instant();
		int runs = 0;
		int tasks = 0;
		int done = 0;
		for (int i = 0; i < Math.min(4, owned.size()); i++) {
			AccountView account = owned.get((i * 5 + random.nextInt(3)) % owned.size());
			List<Long> made = playbooks.runBuiltin("win-back", account.id(), "demo:flag:little-engagement",
					now.minus(Duration.ofDays(12)));
			runs += made.isEmpty() ? 0 : 1;
			tasks += made.size();
			for (int t = 0; t < Math.min(2, made.size()) && t <= i % 3; t++) {
				String[] outcome = OUTCOMES[(i + t) % OUTCOMES.length];
				playbooks.completeTask(made.get(t), outcome[0], outcome[1], account.ownerId());
				done++;
			}
		}
		for (int i = 0; i < Math.min(2, owned.size()); i++) {
			AccountView account = owned.get(owned.size() - 1 - i);
			List<Long> made = playbooks.runBuiltin("red-score", account.id(), "demo:band:RED",
					now.minus(Duration.ofDays(3)));
			runs += made.isEmpty() ? 0 : 1;
			tasks += made.size();
		}
		// the accounts still in their trial were onboarded four days ago: kickoff done or overdue, value check ahead
		Map<Long, List<SubscriptionView>> subscribed = subscriptions
			.ofAccounts(owned.stream().map(AccountView::id).toList());
		for (AccountView account : owned) {
			boolean trial = subscribed.getOrDefault(account.id(), List.of()).stream()
				.anyMatch(s -> s.status() == SubscriptionStatus.TRIAL);
			if (trial) {
				List<Long> made = playbooks.runBuiltin("onboarding", account.id(), "new", now.minus(Duration.ofDays(4)));
				runs += made.isEmpty() ? 0 : 1;
				tasks += made.size();
				if (!made.isEmpty() && random.nextBoolean()) {
					playbooks.completeTask(made.get(0), "reached", "Kickoff held; they want SSO set up first.",
							account.ownerId());
					done++;
				}
			}
		}
		for (SubscriptionView s : subscriptions.renewingBetween(now, now.plus(Duration.ofDays(60)))) {
			AccountView account = accounts.account(s.accountId()).orElse(null);
			if (account == null || account.ownerId() == null) {
				continue;
			}
			LocalDate renewal = LocalDate.ofInstant(s.renewsAt(), ZoneOffset.UTC);
			List<Long> made = playbooks.runBuiltin("renewal", account.id(), "renewal:" + renewal,
					s.renewsAt().minus(Duration.ofDays(60)));
			runs += made.isEmpty() ? 0 : 1;
			tasks += made.size();
			if (!made.isEmpty() && random.nextBoolean()) {
				playbooks.completeTask(made.get(0), "resolved", "Healthy: usage up, no open escalations.",
						account.ownerId());
				done++;
			}
		}
		return new int[] { runs, tasks, done };
	}

	private List<AccountView> owned() {
		List<AccountView> all = new ArrayList<>();
		for (int page = 0;; page++) {
			List<AccountView> items = accounts.searchAccounts("", page, 100).items();
			items.stream().filter(a -> a.ownerId() != null).forEach(all::add);
			if (items.size() < 100) {
				break;
			}
		}
		all.sort(Comparator.comparing(AccountView::id));
		return all.subList(0, Math.min(all.size(), 20));
	}
}

package io.rapport.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.NewAccount;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionChange;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.UsageEvent;
import io.rapport.demo.UsageSimulator.SimulatedAccount;
import io.rapport.identity.AgentView;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.Role;
import io.rapport.surveys.NpsApi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A year of product usage for the demo's customer base, from {@link UsageSimulator}: Brightlane's accounts (20, or
 * {@code rapport.demo.accounts} / {@code RAPPORT_DEMO_ACCOUNTS}, the extra ones numbered) use the product with
 * weekly seasonality, a share of them drift into each of the seed's four signals (the at-risk list's cases; now and
 * then a healthy one cancels, through the subscriptions' facade, dated in the past). Behind them the wider customer base
 * of {@link DemoCustomerBase} is added, with its usage: customers who stay (joined over four years, some grown,
 * some shrunk) and past customers who left over two years, most of the latest after drifting into a signal (with a
 * reason that fits it), so the Business page shows a growing company and the installation has the cancelled history
 * a churn model needs. The users are the accounts' contacts where there are
 * enough, so the 360 page's people have a last activity. NPS answers are imported
 * through the surveys facade, dated. Loaded through {@link ActivityApi#load}, so a year for the demo takes seconds.
 */
@Component
class DemoUsage {

	/**
	 * The names admins would mark: the simulated value event (also a core feature) and the generic feature event,
	 * so the health score's value-event and adoption measures and the 360 page's adoption chart have data.
	 */
	static final List<String> FEATURES = List.of(UsageSimulator.VALUE_EVENT, "Feature Used");

	private static final String[] ROLES = { "Head of IT", "Finance lead", "Workspace admin", "CFO", "Operations" };

	/**
	 * Past customers who left over the last two years (the wider base's, {@link DemoCustomerBase}): by themselves
	 * more than the churn model's minimum of 30 cancelled accounts.
	 */
	static final int PAST_CUSTOMERS = 30;

	/** The wider base's customers who stay, beyond the 20 named accounts: with them the base grows month by month. */
	static final int STAYING_CUSTOMERS = 50;

	private static final Map<UsageSimulator.Signal, String> REASONS = Map.of(
			UsageSimulator.Signal.LITTLE_ENGAGEMENT, "The team stopped using it after our champion left",
			UsageSimulator.Signal.PASSWORD_RESETS, "Users kept getting locked out; moved to a tool with single sign-on",
			UsageSimulator.Signal.NO_KNOWLEDGE_BASE, "Too much training needed; people could not find answers alone",
			UsageSimulator.Signal.UNHELPFUL_HELP, "Support did not solve our problems");

	private final AccountsApi accounts;

	private final SubscriptionsApi subscriptions;

	private final ActivityApi activity;

	private final NpsApi nps;

	private final IdentityApi identity;

	private final Clock clock;

	private final int accountCount;

	DemoUsage(AccountsApi accounts, SubscriptionsApi subscriptions, ActivityApi activity, NpsApi nps,
			IdentityApi identity, Clock clock, @Value("${rapport.demo.accounts:20}") int accountCount) {
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.activity = activity;
		this.nps = nps;
		this.identity = identity;
		this.clock = clock;
		this.accountCount = accountCount;
	}

	record Result(int accounts, long events, int drifting, int cancelled, int staying, int pastCustomers,
			int npsAnswers) {
	}

	Result create(long seed) {
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);
		List<AccountView> current = everyAccount();
		for (int i = current.size(); i < accountCount; i++) {
			current.add(numbered(i + 1, seed));
		}
		// today's drifting accounts are the at-risk list's cases, each signal in turn: none of them has left yet (the
		// wider base's past customers are the ones who did)
		UsageSimulator base = new UsageSimulator(seed, current.size(), yesterday, 365, 0.3, 0);
		long events = 0;
		int cancelled = 0;
		int answers = 0;
		Long admin = identity.agents().stream().filter(a -> a.active() && a.role() == Role.ADMIN)
			.map(AgentView::id).findFirst().orElse(null);
		for (SimulatedAccount simulated : base.accounts()) {
			AccountView account = current.get(simulated.index());
			if (simulated.cancelled() && cancel(account.id(), simulated)) {
				cancelled++;
			}
			events += load(base, simulated, account.id());
			if (admin != null) {
				answers += answerNps(base, simulated, account.id(), admin);
			}
		}
		List<AgentView> managers = identity.groupByKey(GroupView.SUCCESS)
			.map(g -> identity.activeAgentsIn(g.id())).orElse(List.of());
		int past = 0;
		UsageSimulator wider = new UsageSimulator(seed + 1, 0, yesterday, 365, 0);
		for (DemoCustomerBase.Customer customer : DemoCustomerBase.plan(seed, LocalDate.now(clock), STAYING_CUSTOMERS,
				PAST_CUSTOMERS)) {
			long accountId = subscribe(customer);
			if (!managers.isEmpty()) {
				accounts.setOwner(accountId, managers.get(customer.number() % managers.size()).id());
			}
			events += load(wider, simulated(customer), accountId);
			past += customer.past() ? 1 : 0;
		}
		activity.mark(UsageSimulator.VALUE_EVENT, true, true);
		FEATURES.stream().filter(f -> !f.equals(UsageSimulator.VALUE_EVENT)).forEach(f -> activity.mark(f, false, true));
		giveRoles(current);
		return new Result(current.size(), events,
				(int) base.accounts().stream().filter(SimulatedAccount::drifts).count(), cancelled, STAYING_CUSTOMERS,
				past, answers);
	}

	/** The first two contacts of every third account get a role, for the 360 page's people. */
	private void giveRoles(List<AccountView> current) {
		for (int index = 0; index < current.size(); index++) {
			List<ContactView> people = accounts.contactsOf(current.get(index).id());
			for (int p = 0; p < Math.min(2, people.size()); p++) {
				if ((index + p) % 3 == 0) {
					accounts.setContactRole(people.get(p).id(), ROLES[(index + p) % ROLES.length]);
				}
			}
		}
	}

	/** Cancels the account's live subscriptions on the simulated day (not before they started). */
	private boolean cancel(long accountId, SimulatedAccount simulated) {
		return cancel(accountId, simulated.cancelledOn(),
				simulated.drift() == null ? "Budget cuts: the project was stopped" : REASONS.get(simulated.drift()));
	}

	private boolean cancel(long accountId, LocalDate on, String reason) {
		Instant at = on.atTime(12, 0).toInstant(ZoneOffset.UTC);
		boolean any = false;
		for (SubscriptionView s : subscriptions.ofAccount(accountId)) {
			if (s.cancelledAt() == null && s.startedAt().isBefore(at)) {
				subscriptions.cancel(s.id(), new SubscriptionCancellation(at, reason), null);
				any = true;
			}
		}
		return any;
	}

	/**
	 * A customer of the wider base: its account, its subscription as it began with its changes since, a stage for
	 * one who stays, and for a past customer the cancellation with its reason (the signal's, if it drifted first).
	 */
	private long subscribe(DemoCustomerBase.Customer customer) {
		long accountId = accounts.createAccount(new NewAccount(customer.name(), customer.domain(), null)).id();
		SubscriptionView s = subscriptions.create(new NewSubscription(accountId,
				DemoCustomerBase.PLANS[customer.plan()], customer.mrrCents(), customer.currency(), customer.seats(),
				customer.startedOn().atTime(9, 0).toInstant(ZoneOffset.UTC), null, null), null);
		int plan = customer.plan();
		for (DemoCustomerBase.Change change : customer.changes()) {
			subscriptions.change(s.id(), new SubscriptionChange(change.plan() == plan ? null
					: DemoCustomerBase.PLANS[change.plan()], change.mrrCents(), change.seats(),
					change.on().atTime(10, 0).toInstant(ZoneOffset.UTC)), null);
			plan = change.plan();
		}
		if (customer.past()) {
			cancel(accountId, customer.cancelledOn(),
					customer.reason() != null ? customer.reason() : REASONS.get(customer.drift()));
			return accountId;
		}
		List<LifecycleStage> stages = new ArrayList<>(List.of(LifecycleStage.ADOPTION));
		if (customer.startedOn().isBefore(LocalDate.now(clock).minusDays(120))) {
			stages.add(LifecycleStage.RETENTION);
		}
		if (customer.changes().stream().anyMatch(c -> c.mrrCents() > customer.mrrCents())) {
			stages.add(LifecycleStage.EXPANSION);
		}
		for (LifecycleStage stage : stages) {
			accounts.moveStage(accountId, stage, "Demo: " + stage.name().toLowerCase(Locale.ROOT) + " reached", "demo");
		}
		return accountId;
	}

	/** The customer as the usage simulator sees it (numbered after the named accounts' streams). */
	private static SimulatedAccount simulated(DemoCustomerBase.Customer customer) {
		return new SimulatedAccount(1_000 + customer.number(), customer.seats(), customer.users(),
				customer.mrrCents(), customer.startedOn(), customer.drift(), customer.driftsFrom(),
				customer.cancelledOn());
	}

	/** The simulated events, within the account's subscribed time, its first users being its contacts. */
	private long load(UsageSimulator simulator, SimulatedAccount simulated, long accountId) {
		List<SubscriptionView> subs = subscriptions.ofAccount(accountId);
		Instant from = subs.stream().map(SubscriptionView::startedAt).min(Comparator.naturalOrder()).orElse(Instant.MIN);
		Instant until = subs.stream().allMatch(s -> s.cancelledAt() != null) && !subs.isEmpty()
				? subs.stream().map(SubscriptionView::cancelledAt).max(Comparator.naturalOrder()).orElseThrow()
				: Instant.MAX;
		List<ContactView> contacts = accounts.contactsOf(accountId);
		List<UsageEvent> events = new ArrayList<>();
		simulator.events(simulated, e -> {
			if (e.at().isBefore(from) || !e.at().isBefore(until)) {
				return;
			}
			Long contactId = e.user() < contacts.size() ? contacts.get(e.user()).id() : null;
			Map<String, Object> properties = e.feature() != null ? Map.of("feature", e.feature())
					: e.rating() != null ? Map.of("rating", e.rating()) : null;
			events.add(new UsageEvent(null, accountId, contactId, "demo-" + accountId + "-" + e.user(), e.event(),
					e.at(), e.durationSeconds(), properties));
		});
		return activity.load(events);
	}

	/** The last two quarterly NPS campaigns' answers of the account's users who are contacts, with their day. */
	private int answerNps(UsageSimulator simulator, SimulatedAccount simulated, long accountId, long admin) {
		List<ContactView> contacts = accounts.contactsOf(accountId);
		int answered = 0;
		LocalDate since = LocalDate.now(clock).minusDays(190);
		for (UsageSimulator.NpsAnswer answer : simulator.npsAnswers(simulated)) {
			if (answer.user() < contacts.size() && answer.day().isAfter(since)) {
				Instant at = answer.day().atTime(15, 0).toInstant(ZoneOffset.UTC);
				if (at.isBefore(clock.instant().minus(Duration.ofHours(1)))) {
					nps.importResponse(new NpsApi.NpsResponse(contacts.get(answer.user()).id(), answer.score(), null,
							at, null), admin);
					answered++;
				}
			}
		}
		return answered;
	}

	private AccountView numbered(int n, long seed) {
		String name = String.format(Locale.ROOT, "Customer %03d", n);
		AccountView account = accounts.createAccount(new NewAccount(name,
				String.format(Locale.ROOT, "customer-%03d.example", n), null));
		int seats = 5 + (int) Math.floorMod(seed * 31 + n * 7L, 40);
		subscriptions.create(new NewSubscription(account.id(), "Growth", 49_900L + 1_000L * seats, "USD", seats,
				clock.instant().minus(Duration.ofDays(400 + n % 300)), null, null), null);
		return account;
	}

	private List<AccountView> everyAccount() {
		List<AccountView> all = new ArrayList<>();
		for (int page = 0;; page++) {
			List<AccountView> items = accounts.searchAccounts("", page, 100).items();
			all.addAll(items);
			if (items.size() < 100) {
				break;
			}
		}
		all.sort(Comparator.comparing(AccountView::id));
		return all;
	}
}

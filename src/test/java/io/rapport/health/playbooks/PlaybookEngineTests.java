package io.rapport.health.playbooks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountStageChanged;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.channels.EmailApi;
import io.rapport.health.HealthFlagRaised;
import io.rapport.health.HealthScored;
import io.rapport.surveys.NpsAnswered;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.rapport.health.playbooks.PlaybookScenario.mail;
import static io.rapport.health.playbooks.PlaybookScenario.onFlag;
import static io.rapport.health.playbooks.PlaybookScenario.playbook;
import static io.rapport.health.playbooks.PlaybookScenario.task;
import static io.rapport.health.playbooks.PlaybookScenario.ticket;
import static io.rapport.health.playbooks.PlaybookScenario.valueCheck;
import static io.rapport.health.playbooks.PlaybookScenario.withConditions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Playbooks run once per account and trigger occurrence, with a moved clock: a redelivered event runs nothing, a
 * second occurrence runs again; conditions, paused playbooks, each step kind, each trigger and the daily jobs.
 */
class PlaybookEngineTests extends IntegrationTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Playbooks playbooks;

	@Autowired
	PlaybookEngine engine;

	@Autowired
	PlaybookJobs jobs;

	@Autowired
	PlaybookRuns runs;

	@Autowired
	Tasks tasks;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	TicketsApi tickets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmailApi email;

	private static final java.util.concurrent.atomic.AtomicInteger ALONE = new java.util.concurrent.atomic.AtomicInteger();

	Person manager;

	AccountView account;

	@BeforeEach
	void anOwnedAccount() {
		manager = fixtures.anAgentIn("success");
		account = fixtures.anAccount();
		accounts.setOwner(account.id(), manager.id());
	}

	/** The playbooks a test made stay in the shared database: paused, they never run for another test. */
	@AfterEach
	void pauseTestPlaybooks() {
		jdbc.update("update playbooks set active = false where builtin_key is null");
	}

	@Test
	void shouldRunOncePerFlagRaisingAndAgainWhenTheFlagIsRaisedAnotherTime() {
		Playbook p = playbooks.create(onFlag("Engagement rescue", "little-engagement", manager.id(),
				task("Call the champion", 2), task("Check usage", 14)));
		HealthFlagRaised raised = new HealthFlagRaised(account.id(), "little-engagement", "5.1 h to 1.8 h",
				clock.instant());

		deliver(raised);
		deliver(raised);

		List<TaskView> made = tasksOf(p);
		assertThat(made).extracting(TaskView::title).containsExactly("Call the champion", "Check usage");
		assertThat(made).extracting(TaskView::dueOn).containsExactly(day(START).plusDays(2), day(START).plusDays(14));
		assertThat(made).allSatisfy(t -> assertThat(t.assigneeId()).isEqualTo(manager.id()));
		assertThat(runs.ofPlaybook(p.id(), 10)).singleElement().satisfies(run -> {
			assertThat(run.status()).isEqualTo(PlaybookRuns.DONE);
			assertThat(run.steps()).extracting(RunView.StepOutcome::done).containsExactly(true, true);
		});

		clock.advance(Duration.ofDays(30));
		deliver(new HealthFlagRaised(account.id(), "little-engagement", "again", clock.instant()));
		deliver(new HealthFlagRaised(account.id(), "password-resets", "another flag", clock.instant()));

		assertThat(runs.ofPlaybook(p.id(), 10)).hasSize(2);
		assertThat(tasksOf(p)).hasSize(4).extracting(TaskView::dueOn).contains(day(clock.instant()).plusDays(2));
	}

	@Test
	void shouldRunOnlyForAccountsThatMeetTheConditions() {
		Playbook.Conditions bigGrowth = new Playbook.Conditions("growth", 40_000L, 100_000L, LifecycleStage.ONBOARDING,
				manager.id());
		Playbook p = playbooks.create(withConditions(onFlag("Big growth accounts", null, manager.id(),
				task("Review", 1)), bigGrowth));
		AccountView small = ownedAccount();
		subscriptions.create(new NewSubscription(small.id(), "Growth", 9_900L, "EUR", 5, START.minusSeconds(86_400),
				null, null), null);
		AccountView otherPlan = ownedAccount();
		subscriptions.create(new NewSubscription(otherPlan.id(), "Scale", 50_000L, "EUR", 5,
				START.minusSeconds(86_400), null, null), null);
		AccountView fits = ownedAccount();
		subscriptions.create(new NewSubscription(fits.id(), "Growth", 50_000L, "EUR", 5, START.minusSeconds(86_400),
				null, null), null);
		AccountView moved = ownedAccount();
		subscriptions.create(new NewSubscription(moved.id(), "Growth", 50_000L, "EUR", 5, START.minusSeconds(86_400),
				null, null), null);
		accounts.moveStage(moved.id(), LifecycleStage.ADOPTION, "test", "test");
		AccountView someoneElses = fixtures.anAccount();

		for (AccountView a : List.of(small, otherPlan, fits, moved, someoneElses)) {
			deliver(new HealthFlagRaised(a.id(), "renewal-at-risk", "", clock.instant()));
		}

		assertThat(runs.ofPlaybook(p.id(), 10)).extracting(RunView::accountId).containsExactly(fits.id());
	}

	@Test
	void shouldNotRunAPausedPlaybookAndRunItOnceResumed() {
		Playbook p = playbooks.create(onFlag("Paused rescue", null, manager.id(), task("Call", 1)));
		playbooks.activate(p.id(), false);

		deliver(new HealthFlagRaised(account.id(), "no-knowledge-base", "", clock.instant()));
		assertThat(runs.ofPlaybook(p.id(), 10)).isEmpty();

		playbooks.activate(p.id(), true);
		clock.advance(Duration.ofHours(1));
		deliver(new HealthFlagRaised(account.id(), "no-knowledge-base", "", clock.instant()));
		assertThat(runs.ofPlaybook(p.id(), 10)).hasSize(1);
	}

	@Test
	void shouldRecordEachStepKindAndWhyAStepFailedWhileTheOthersRun() {
		Playbook p = playbooks.create(onFlag("Every step", "help-did-not-help", manager.id(),
				mail("success.checkin"), ticket("Follow up on the escalation"), valueCheck("Value yet?", 7)));

		deliver(new HealthFlagRaised(account.id(), "help-did-not-help", "", clock.instant()));
		RunView first = runs.ofPlaybook(p.id(), 10).get(0);
		assertThat(first.status()).isEqualTo(PlaybookRuns.FAILED);
		assertThat(first.steps()).extracting(RunView.StepOutcome::key).containsExactly(
				"playbooks.outcome.no-contacts", "playbooks.outcome.no-contacts", "playbooks.outcome.task");

		AccountView withContact = ownedAccount();
		Person contact = fixtures.aCustomerOf(withContact.id());
		deliver(new HealthFlagRaised(withContact.id(), "help-did-not-help", "", clock.instant()));
		RunView second = runs.ofPlaybook(p.id(), 10).stream().filter(r -> r.accountId() == withContact.id())
			.findFirst().orElseThrow();
		// Another test class may have left a mailbox that can send in the shared database.
		assertThat(second.steps().get(0).key()).isEqualTo(email.canSend() ? "playbooks.outcome.mailed"
				: "playbooks.outcome.no-mailbox");
		assertThat(second.steps().get(1).done()).isTrue();
		assertThat(second.steps().get(1).key()).isEqualTo("playbooks.outcome.ticket");
		TicketView opened = tickets.list(new TicketFilter(null, null, null, false, null, withContact.id(), null, null),
				0, 50, manager.user()).items().stream()
			.filter(t -> t.number() == Long.parseLong(second.steps().get(1).argument())).findFirst().orElseThrow();
		assertThat(opened.subject()).isEqualTo("Follow up on the escalation");
		assertThat(opened.requester().id()).isEqualTo(contact.id());
		assertThat(tasks.find(Long.parseLong(second.steps().get(2).argument())).orElseThrow().valueCheck()).isTrue();
	}

	@Test
	void shouldReactToScoresStagesDetractorsAndNewAccounts() {
		Playbook red = playbooks.create(playbook("Red", Trigger.SCORE_BAND, null, "RED", null, null, null,
				manager.id(), task("Red review", 1)));
		Playbook drop = playbooks.create(playbook("Drop", Trigger.SCORE_DROP, null, null, 10, null, null,
				manager.id(), task("Drop review", 1)));
		Playbook detractor = playbooks.create(playbook("Detractor", Trigger.NPS_DETRACTOR, null, null, null, null,
				null, manager.id(), task("Call the detractor", 1)));
		LocalDate today = day(clock.instant());

		deliver(new HealthScored(account.id(), today, 45, "RED", 52, "YELLOW", clock.instant()));
		deliver(new HealthScored(account.id(), today, 45, "RED", 52, "YELLOW", clock.instant()));
		deliver(new HealthScored(account.id(), today.plusDays(1), 40, "RED", 45, "RED", clock.instant()));
		deliver(new HealthScored(account.id(), today.plusDays(2), 28, "RED", 40, "RED", clock.instant()));
		deliver(new NpsAnswered(901, 1, account.id(), null, 4, false, clock.instant()));
		deliver(new NpsAnswered(901, 1, account.id(), null, 3, true, clock.instant()));
		deliver(new NpsAnswered(902, 1, account.id(), null, 8, false, clock.instant()));

		assertThat(runs.ofPlaybook(red.id(), 10)).singleElement()
			.satisfies(r -> assertThat(r.occurrence()).isEqualTo("band:RED:" + today));
		assertThat(runs.ofPlaybook(drop.id(), 10)).singleElement()
			.satisfies(r -> assertThat(r.occurrence()).isEqualTo("drop:" + today.plusDays(2)));
		assertThat(runs.ofPlaybook(detractor.id(), 10)).singleElement()
			.satisfies(r -> assertThat(r.occurrence()).isEqualTo("nps:901"));
	}

	@Test
	void shouldRunStagePlaybooksFromTheAccountsEventsAndNewAccountsOnce() {
		Playbook adoption = playbooks.create(playbook("Adoption", Trigger.STAGE_ENTERED, null, null, null,
				LifecycleStage.ADOPTION, null, manager.id(), task("Adoption review", 3)));
		Playbook welcome = playbooks.create(playbook("Welcome", Trigger.NEW_ACCOUNT, null, null, null, null, null,
				manager.id(), task("Say hello", 0)));

		accounts.moveStage(account.id(), LifecycleStage.ADOPTION, "first report", "test");
		await().atMost(Duration.ofSeconds(20)).until(() -> runs.ofPlaybook(adoption.id(), 10).size() == 1);

		// A new account's playbooks wait an hour for its contacts and owner, then run once
		AccountView fresh = anAccountAloneInItsHour();
		deliver(new AccountStageChanged(fresh.id(), null, LifecycleStage.ONBOARDING, null, null, "rule",
				fresh.createdAt()));
		assertThat(welcomeRunsOf(welcome, fresh.id())).isEmpty();
		clock.set(fresh.createdAt().plus(PlaybookJobs.SETTLING).minusSeconds(1));
		jobs.newAccounts();
		assertThat(welcomeRunsOf(welcome, fresh.id())).isEmpty();

		clock.set(fresh.createdAt().plus(PlaybookJobs.SETTLING).plusSeconds(1));
		jobs.newAccounts();
		jobs.newAccounts();
		assertThat(welcomeRunsOf(welcome, fresh.id())).singleElement().satisfies(r -> {
			assertThat(r.occurrence()).isEqualTo("new");
			assertThat(r.triggeredAt()).isEqualTo(fresh.createdAt());
		});
	}

	@Test
	void shouldNotOnboardAnAccountThatAlreadyLeftOrAnExistingCustomerJustImported() {
		Playbook welcome = playbooks.create(playbook("Welcome back?", Trigger.NEW_ACCOUNT, null, null, null, null,
				null, manager.id(), task("Say hello", 0)));
		AccountView past = anAccountAloneInItsHour();
		long id = subscriptions.create(new NewSubscription(past.id(), "Growth", 49_900L, "EUR", 10,
				past.createdAt().minus(Duration.ofDays(400)), null, null), null).id();
		subscriptions.cancel(id, new SubscriptionCancellation(past.createdAt().minus(Duration.ofDays(30)), "budget"),
				null);

		// nor an existing customer recorded today (an import): its subscription began a year ago
		AccountView imported = anAccountAloneInItsHour();
		subscriptions.create(new NewSubscription(imported.id(), "Growth", 49_900L, "EUR", 10,
				imported.createdAt().minus(Duration.ofDays(365)), null, null), null);

		clock.set(past.createdAt().plus(PlaybookJobs.SETTLING).plusSeconds(1));
		jobs.newAccounts();
		assertThat(welcomeRunsOf(welcome, past.id())).isEmpty();
		clock.set(imported.createdAt().plus(PlaybookJobs.SETTLING).plusSeconds(1));
		jobs.newAccounts();
		assertThat(welcomeRunsOf(welcome, imported.id())).isEmpty();
	}

	/** An account created far from every other test's, so the hourly look for new accounts sees it alone. */
	private AccountView anAccountAloneInItsHour() {
		clock.set(START.plus(Duration.ofDays(5_000 + 10 * ALONE.incrementAndGet())));
		AccountView alone = fixtures.anAccount();
		accounts.setOwner(alone.id(), manager.id());
		return alone;
	}

	private List<RunView> welcomeRunsOf(Playbook playbook, long accountId) {
		return runs.ofPlaybook(playbook.id(), 500).stream().filter(r -> r.accountId() == accountId).toList();
	}

	@Test
	void shouldRunRenewalPlaybooksOncePerRenewalDate() {
		Playbook renewal = playbooks.create(playbook("Renewal", Trigger.RENEWAL_DUE, null, null, null, null, 60,
				manager.id(), task("Renewal call", 10)));
		Instant renews = START.plus(Duration.ofDays(90));
		subscriptions.create(new NewSubscription(account.id(), "Growth", 49_900L, "EUR", 10,
				START.minus(Duration.ofDays(275)), renews, null), null);

		jobs.renewals();
		assertThat(runs.ofPlaybook(renewal.id(), 10)).isEmpty();

		clock.advance(Duration.ofDays(31));
		jobs.renewals();
		jobs.renewals();
		clock.advance(Duration.ofDays(1));
		jobs.renewals();

		assertThat(runs.ofPlaybook(renewal.id(), 10)).singleElement()
			.satisfies(r -> assertThat(r.occurrence()).isEqualTo("renewal:" + day(renews)));
		assertThat(tasksOf(renewal)).singleElement()
			.satisfies(t -> assertThat(t.dueOn()).isEqualTo(day(START).plusDays(31 + 10)));
	}

	@Test
	void shouldRunNoSignInPlaybooksOncePerSilence() {
		Playbook quiet = playbooks.create(playbook("Quiet", Trigger.NO_SIGN_IN, null, null, null, null, 14,
				manager.id(), task("Why so quiet?", 1)));

		clock.advance(Duration.ofDays(10));
		jobs.quietAccounts();
		assertThat(runs.ofPlaybook(quiet.id(), 10)).isEmpty();

		clock.advance(Duration.ofDays(5));
		jobs.quietAccounts();
		clock.advance(Duration.ofDays(1));
		jobs.quietAccounts();
		assertThat(runs.ofPlaybook(quiet.id(), 10)).singleElement()
			.satisfies(r -> assertThat(r.occurrence()).isEqualTo("never-signed-in"));
	}

	private AccountView ownedAccount() {
		AccountView a = fixtures.anAccount();
		accounts.setOwner(a.id(), manager.id());
		return accounts.account(a.id()).orElseThrow();
	}

	private List<TaskView> tasksOf(Playbook p) {
		return jdbc.queryForList("select t.id from success_tasks t join playbook_runs r on r.id = t.run_id "
				+ "where r.playbook_id = ? order by t.id", Long.class, p.id()).stream()
			.map(id -> tasks.find(id).orElseThrow()).toList();
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
	}

	/** Delivers an event to playbooks as their listener does, in this thread. */
	private void deliver(Object event) {
		PlaybookTriggers.occurrencesOf(event).forEach(engine::fire);
	}
}

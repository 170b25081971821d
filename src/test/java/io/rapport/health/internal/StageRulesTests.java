package io.rapport.health.internal;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.StageChange;
import io.rapport.accounts.SubscriptionsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Lifecycle rules with a moved clock: thirty days of onboarding, seats in use, and hand moves left alone. */
class StageRulesTests extends IntegrationTest {

	@Autowired
	StageRules rules;

	@Autowired
	HealthJob job;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldMoveOnboardingToAdoptionAfterThirtyDays() {
		AccountView account = fixtures.anAccount();
		clock.set(START.plus(Duration.ofDays(29)));
		rules.run();
		assertThat(stage(account)).isEqualTo(LifecycleStage.ONBOARDING);

		clock.set(START.plus(Duration.ofDays(30)));
		job.run();
		assertThat(stage(account)).isEqualTo(LifecycleStage.ADOPTION);
		StageChange moved = accounts.stageHistory(account.id()).get(0);
		assertThat(moved.movedBy()).isEqualTo(StageRules.THIRTY_DAYS);
		assertThat(moved.agentId()).isNull();
		assertThat(jdbc.queryForObject("select count(*) from health_snapshots where account_id = ? and snapshot_day = ?",
				Integer.class, account.id(), Date.valueOf(LocalDate.parse("2026-04-01")))).isEqualTo(1);
	}

	@Test
	void shouldMoveToExpansionWhenSeatsInUsePassEightyPercentUnlessAnAgentMovedItLately() {
		AccountView byRule = withUsers(5, 5);
		AccountView byHand = withUsers(5, 5);
		AccountView belowThreshold = withUsers(5, 4);
		accounts.moveStage(byRule.id(), LifecycleStage.ADOPTION, "kickoff", "test");
		accounts.moveStage(belowThreshold.id(), LifecycleStage.RETENTION, "kickoff", "test");
		accounts.moveStage(byHand.id(), LifecycleStage.RETENTION, "kept on purpose", fixtures.anAgentIn("success").user());

		clock.set(START.plus(Duration.ofDays(10)));
		rules.run();
		assertThat(stage(byRule)).isEqualTo(LifecycleStage.EXPANSION);
		assertThat(accounts.stageHistory(byRule.id()).get(0).movedBy()).isEqualTo(StageRules.SEATS_IN_USE);
		assertThat(accounts.stageHistory(byRule.id()).get(0).reason()).isEqualTo("5 of 5 seats used in 30 days");
		assertThat(stage(byHand)).as("moved by hand ten days ago").isEqualTo(LifecycleStage.RETENTION);
		assertThat(stage(belowThreshold)).isEqualTo(LifecycleStage.RETENTION);

		clock.set(START.plus(Duration.ofDays(31)));
		rules.run();
		assertThat(stage(byHand)).isEqualTo(LifecycleStage.EXPANSION);
		assertThat(stage(belowThreshold)).as("4 of 5 is 80%, not above").isEqualTo(LifecycleStage.RETENTION);
	}

	/** An account with {@code seats} seats and {@code users} people active on the day they are counted. */
	private AccountView withUsers(int seats, int users) {
		AccountView account = fixtures.anAccount();
		subscriptions.create(new NewSubscription(account.id(), "Team", 10_000L, "USD", seats,
				START.minus(Duration.ofDays(100)), null, null), null);
		for (int day : new int[] { 9, 30 }) {
			LocalDate on = LocalDate.ofInstant(START.plus(Duration.ofDays(day)), ZoneOffset.UTC);
			for (int u = 1; u <= users; u++) {
				jdbc.update("insert into activity_daily (account_id, usage_day, event, user_key, event_count, "
						+ "duration_seconds) values (?, ?, 'Signed In', ?, 1, 0)", account.id(), Date.valueOf(on), "u:" + u);
			}
		}
		return account;
	}

	private LifecycleStage stage(AccountView account) {
		return accounts.account(account.id()).orElseThrow().stage();
	}
}

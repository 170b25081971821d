package io.rapport.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.MutableClock;
import io.rapport.TestDatabase;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewAccount;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.UsageRollup;
import io.rapport.demo.UsageSimulator.SimulatedAccount;
import io.rapport.health.HealthApi;
import io.rapport.health.internal.model.ChurnModel;
import io.rapport.health.internal.model.ChurnModelTraining;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's quality test, through the real scorer: a simulated base of 1,000 accounts ({@link UsageSimulator}, a
 * tenth drifting into the seed's four signals, most of those cancelling) with a year of usage loaded as daily
 * rollups, subscriptions with their seats and cancellations through the facade, then the recompute of past days as
 * the demo's history backfill runs it ({@link HealthApi#recompute(List)}, see {@link DemoHealth}) over the days the
 * flags and the model read: today, and every 30 days from 90 to 330 days back (the trainer's validation cutoff, its
 * training cutoffs and their trends; {@link DemoHealth#days}' fifty days would cost five times as long and add
 * nothing these checks read), then the nightly churn-model training. The
 * flags raised on the last day must catch at least 90% of the accounts drifting by then with at most 10% false alarms among the accounts that do not drift, and the model must
 * reach an ROC-AUC of at least 0.85 on its time-based split. Cancelled accounts are left out of the flag check
 * (they are gone); drifting means drifting through the whole flag window ({@link #DRIFT_DAYS}).
 *
 * <p>
 * Its own context and database (the recompute scores every account; the shared context's tests read their lists),
 * closed after the class. Not tagged {@code db}: it runs on H2 only, since a second run on PostgreSQL would double
 * one of the longest tests of the suite; the rollup load and the recompute's queries it exercises are the same SQL
 * the db-tagged tests run on both databases (BulkLoadTests, HealthApiTests).
 */
@SpringBootTest(properties = { "rapport.demo.enabled=false", "rapport.admin.email=admin@localhost",
		"rapport.admin.password=admin-password-1", "rapport.data-dir=target/test-data",
		"rapport.security.bcrypt-strength=4", "rapport.jobs.enabled=false", "rapport.mail.sandbox.enabled=false" })
@Import(HealthQualityTests.QualityClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HealthQualityTests {

	static final LocalDate TODAY = LocalDate.of(2027, 9, 1);

	static final int ACCOUNTS = 1000;

	/**
	 * An account counts as drifting once its drift is at full strength over the whole window the flags read: the
	 * simulator's drift takes three weeks (21 days) to reach it, and the flags read the 30 days up to the day scored
	 * (today, whose usage is yesterday's at the latest), so the drift began at least 48 days before the last
	 * simulated day. Accounts whose drift is younger are neither drifting nor steady here.
	 */
	static final int DRIFT_DAYS = 48;

	@Autowired
	MutableClock clock;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	ActivityApi activity;

	@Autowired
	HealthApi health;

	@Autowired
	ChurnModelTraining training;

	@Autowired
	JdbcTemplate jdbc;

	private static JdbcTemplate database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "quality");
	}

	/** Frees the in-memory database's year of rollups for the rest of the run. */
	@AfterAll
	static void dropDatabase() {
		if (database != null && !TestDatabase.isPostgres()) {
			database.execute("drop all objects");
		}
	}

	@Test
	void shouldFlagTheDriftingAccountsAndRankThoseThatCancelThroughTheRealScorer() {
		database = jdbc;
		long start = System.nanoTime();
		clock.set(TODAY.atTime(5, 0).toInstant(ZoneOffset.UTC));
		LocalDate lastDay = TODAY.minusDays(1);
		UsageSimulator simulator = new UsageSimulator(9, ACCOUNTS, lastDay, 365, 0.10);

		// Given the simulated base: accounts with their subscription (seats) and cancellations, a year of usage
		Map<Integer, Long> ids = createAccounts(simulator);
		long rows = loadUsage(simulator, ids);
		activity.mark(UsageSimulator.VALUE_EVENT, true, true);
		activity.mark("Feature Used", false, true);
		long loaded = System.nanoTime();

		// When the nightly recompute has run over the demo's year of days, and the nightly training after it
		List<Integer> scored = health.recompute(days());
		long recomputed = System.nanoTime();
		ChurnModel model = training.train();

		// Then the flags up today catch the accounts drifting by now, and few of the others
		Set<Long> flagged = new HashSet<>(jdbc.queryForList(
				"select distinct account_id from health_flags where cleared_on is null", Long.class));
		List<SimulatedAccount> drifting = new ArrayList<>();
		List<SimulatedAccount> steady = new ArrayList<>();
		for (SimulatedAccount a : simulator.accounts()) {
			if (a.cancelled()) {
				continue;
			}
			if (!a.drifts()) {
				steady.add(a);
			}
			else if (!a.driftsFrom().isAfter(lastDay.minusDays(DRIFT_DAYS))) {
				drifting.add(a);
			}
		}
		List<SimulatedAccount> missed = drifting.stream().filter(a -> !flagged.contains(ids.get(a.index()))).toList();
		List<SimulatedAccount> falseAlarms = steady.stream().filter(a -> flagged.contains(ids.get(a.index()))).toList();
		double recall = 1 - (double) missed.size() / drifting.size();
		double falseAlarmRate = (double) falseAlarms.size() / steady.size();
		System.out.printf("Quality through the scorer: %d accounts, %,d rollup rows loaded in %d s, %d days recomputed "
				+ "in %d s; flags: recall %.3f (%d of %d drifting), false alarms %.3f (%d of %d steady); model: %s, "
				+ "ROC-AUC %s, %d/%d cancelled in validation%n", ACCOUNTS, rows, (loaded - start) / 1_000_000_000,
				scored.size(), (recomputed - loaded) / 1_000_000_000, recall, drifting.size() - missed.size(),
				drifting.size(), falseAlarmRate, falseAlarms.size(), steady.size(), model.status(), model.rocAuc(),
				model.validationCancelled(), model.validationRows());
		missed.forEach(a -> System.out.println("  missed " + a + " flags " + flagsOf(ids.get(a.index()))));
		falseAlarms.forEach(a -> System.out.println("  false alarm " + a + " flags " + flagsOf(ids.get(a.index()))));

		assertThat(scored).hasSameSizeAs(days()).last().isEqualTo(ACCOUNTS);
		assertThat(drifting).hasSizeGreaterThanOrEqualTo(30);
		assertThat(recall).as("share of the drifting accounts flagged").isGreaterThanOrEqualTo(0.90);
		assertThat(falseAlarmRate).as("share of the steady accounts flagged").isLessThanOrEqualTo(0.10);

		// And the model trained on the scorer's history ranks the accounts that cancel, on a time-based split
		assertThat(model.status()).isEqualTo(ChurnModel.Status.TRAINED);
		assertThat(model.validationCutoff()).isBefore(TODAY.minusDays(89));
		assertThat(model.firstCutoff()).isBefore(model.validationCutoff().minusDays(89));
		assertThat(model.validationCancelled()).isPositive();
		assertThat(model.rocAuc()).isGreaterThanOrEqualTo(0.85);
	}

	/** Today (the flags), and every 30 days from 90 to 330 days back (the model's cutoffs and their trends). */
	static List<LocalDate> days() {
		List<LocalDate> days = new ArrayList<>();
		for (int back = 330; back >= 90; back -= 30) {
			days.add(TODAY.minusDays(back));
		}
		days.add(TODAY);
		return days;
	}

	/** Every simulated account with its subscription from the day it started, cancelled on the day it cancelled. */
	private Map<Integer, Long> createAccounts(UsageSimulator simulator) {
		Map<Integer, Long> ids = new HashMap<>();
		for (SimulatedAccount a : simulator.accounts()) {
			long id = accounts.createAccount(new NewAccount("Quality " + a.index(), null, "quality-" + a.index())).id();
			Instant started = a.startedOn().atTime(9, 0).toInstant(ZoneOffset.UTC);
			long subscription = subscriptions.create(new NewSubscription(id, "Growth", a.mrrCents(), "EUR", a.seats(),
					started, null, null), null).id();
			if (a.cancelled()) {
				subscriptions.cancel(subscription, new SubscriptionCancellation(
						a.cancelledOn().atTime(12, 0).toInstant(ZoneOffset.UTC), "Simulated"), null);
			}
			ids.put(a.index(), id);
		}
		return ids;
	}

	/**
	 * The simulated events summed per account, day, event and user in memory and loaded as rollups, a hundred
	 * accounts at a time: what the Segment ingest would have added up, without a raw event each.
	 */
	private long loadUsage(UsageSimulator simulator, Map<Integer, Long> ids) {
		long rows = 0;
		List<UsageRollup> block = new ArrayList<>();
		for (SimulatedAccount a : simulator.accounts()) {
			long accountId = ids.get(a.index());
			Map<RollupKey, long[]> sums = new HashMap<>();
			simulator.events(a, e -> {
				long[] sum = sums.computeIfAbsent(new RollupKey(LocalDate.ofInstant(e.at(), ZoneOffset.UTC), e.event(),
						e.user()), k -> new long[2]);
				sum[0]++;
				sum[1] += e.durationSeconds();
			});
			sums.forEach((key, sum) -> block.add(new UsageRollup(accountId, key.day(), key.event(), null,
					"quality-" + a.index() + "-" + key.user(), sum[0], sum[1])));
			if (a.index() % 100 == 99) {
				rows += activity.loadRollups(block);
				block.clear();
			}
		}
		return rows + activity.loadRollups(block);
	}

	private List<String> flagsOf(long accountId) {
		return jdbc.queryForList("select flag_key || ' ' || evidence_args from health_flags where account_id = ? "
				+ "and cleared_on is null", String.class, accountId);
	}

	private record RollupKey(LocalDate day, String event, int user) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class QualityClock {

		@Bean
		@Primary
		MutableClock qualityClock() {
			return new MutableClock(TODAY.atTime(5, 0).toInstant(ZoneOffset.UTC));
		}
	}
}

package io.rapport.health.internal.model;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewAccount;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.demo.UsageSimulator;
import io.rapport.demo.UsageSimulator.SimulatedAccount;
import io.rapport.health.internal.ChurnEstimates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The installation's model on a simulated population: 1,000 accounts, a tenth drifting into the seed's signals and
 * most of those cancelling. The measure values the scorer would store every 15 days are written here (the scorer
 * is another part of the module), the cancellations go through the subscriptions' facade, and the model must rank
 * the accounts that cancelled within 90 days of the validation cutoff with an ROC-AUC of at least 0.85.
 */
class ChurnModelTrainingTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ChurnModelTraining training;

	@Autowired
	ChurnEstimates estimates;

	@Autowired
	ChurnModels models;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	MockMvc mvc;

	@Autowired
	io.rapport.Fixtures fixtures;

	@BeforeEach
	void noHealthHistory() {
		jdbc.update("delete from health_churn_models");
		jdbc.update("delete from health_measure_values");
		jdbc.update("delete from health_snapshots");
	}

	@Test
	void shouldSayHowManyCancelledAccountsAreMissingBelowTheMinimum() throws Exception {
		clock.set(Instant.parse("2027-06-01T05:00:00Z"));
		var admin = fixtures.anAdmin();
		mvc.perform(get("/admin/churn-model").with(signedInAs(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("has not been trained yet")))
			.andExpect(content().string(containsString("Rules only")));
		mvc.perform(post("/admin/churn-model/train").with(csrf()).with(signedInAs(admin)))
			.andExpect(flash().attributeExists("notice"));
		ChurnModel run = models.latest().orElseThrow();

		assertThat(run.status()).isIn(ChurnModel.Status.TOO_FEW_CANCELLED, ChurnModel.Status.NO_HISTORY);
		assertThat(estimates.available()).isFalse();
		assertThat(estimates.estimate(1)).isEmpty();
		if (run.status() == ChurnModel.Status.TOO_FEW_CANCELLED) {
			assertThat(estimates.status()).contains(run.cancelledAccounts() + " cancelled accounts so far")
				.contains("the model needs 30");
		}
	}

	@Test
	void shouldRankTheAccountsThatCancelOnATimeBasedSplit() throws Exception {
		// Given a year of a simulated base up to yesterday, and the measures a scorer stores every 15 days
		LocalDate today = LocalDate.of(2027, 9, 1);
		clock.set(today.atTime(5, 0).toInstant(ZoneOffset.UTC));
		UsageSimulator simulator = new UsageSimulator(9, 1000, today.minusDays(1), 365, 0.10);
		Map<Integer, Long> ids = accountsFor(simulator);
		storeMeasures(simulator, ids, today.minusDays(1));

		// When the nightly job trains
		ChurnModel run = training.train();

		// Then it is validated on the latest cutoff whose 90 days have passed, trained on cutoffs 90 days before it
		assertThat(run.status()).isEqualTo(ChurnModel.Status.TRAINED);
		assertThat(run.validationCutoff()).isBetween(today.minusDays(105), today.minusDays(90));
		assertThat(run.firstCutoff()).isBefore(run.validationCutoff().minusDays(89));
		assertThat(run.validationCancelled()).isPositive();
		assertThat(run.rocAuc()).isGreaterThanOrEqualTo(0.85);
		double baseRate = (double) run.validationCancelled() / run.validationRows();
		assertThat(run.precisionAtFlagged()).isGreaterThan(2 * baseRate);
		assertThat(run.deciles()).hasSize(10);
		assertThat(run.deciles().get(9).observed()).isGreaterThan(run.deciles().get(0).observed());
		assertThat(estimates.available()).isTrue();
		assertThat(estimates.status()).contains("Trained on this installation's history");

		// And an account still drifting at the end ranks above the typical healthy one, with its reasons
		SimulatedAccount drifting = simulator.accounts().stream()
			.filter(a -> a.drifts() && !a.cancelled() && a.driftsFrom().isBefore(today.minusDays(40)))
			.findFirst().orElseThrow();
		ChurnEstimates.ChurnEstimate risky = estimates.estimate(ids.get(drifting.index())).orElseThrow();
		List<Double> healthy = simulator.accounts().stream().filter(a -> !a.drifts() && !a.cancelled()).limit(50)
			.map(a -> estimates.estimate(ids.get(a.index())).orElseThrow().probability()).sorted().toList();
		assertThat(risky.probability()).isGreaterThan(healthy.get(healthy.size() / 2));
		assertThat(risky.factors()).hasSizeLessThanOrEqualTo(5).isNotEmpty();
		assertThat(risky.factors().get(0).label()).isNotBlank();
		mvc.perform(get("/admin/churn-model").with(signedInAs(fixtures.anAdmin()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("In use")))
			.andExpect(content().string(containsString(String.format("%.3f", run.rocAuc()))))
			.andExpect(content().string(containsString("data-calibration")))
			.andExpect(content().string(containsString("Strongest factors")));
		mvc.perform(get("/admin/churn-model").with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin").with(signedInAs(fixtures.anAdmin())))
			.andExpect(content().string(containsString("/admin/churn-model")));
		System.out.printf("Simulated base: ROC-AUC %.3f, precision at 10%% %.3f, %d/%d training, %d/%d validation%n",
				run.rocAuc(), run.precisionAtFlagged(), run.trainingCancelled(), run.trainingRows(),
				run.validationCancelled(), run.validationRows());
	}

	/** Accounts that cancelled exist with a cancelled subscription; the others only need an id of their own. */
	private Map<Integer, Long> accountsFor(UsageSimulator simulator) {
		Map<Integer, Long> ids = new HashMap<>();
		long unique = System.nanoTime() % 1_000_000;
		for (SimulatedAccount a : simulator.accounts()) {
			if (a.cancelled()) {
				long id = accounts.createAccount(new NewAccount("Sim " + unique + " " + a.index(), null, null)).id();
				Instant started = a.startedOn().atStartOfDay(ZoneOffset.UTC).toInstant();
				long subscription = subscriptions.create(new NewSubscription(id, "Growth", a.mrrCents(), "EUR",
						a.seats(), started, null, null), null).id();
				subscriptions.cancel(subscription, new SubscriptionCancellation(
						a.cancelledOn().atTime(12, 0).toInstant(ZoneOffset.UTC), "Simulated"), null);
				ids.put(a.index(), id);
			}
			else {
				ids.put(a.index(), 3_000_000_000L + unique * 10_000 + a.index());
			}
		}
		return ids;
	}

	private void storeMeasures(UsageSimulator simulator, Map<Integer, Long> ids, LocalDate lastDay) {
		List<Object[]> snapshots = new ArrayList<>();
		List<Object[]> values = new ArrayList<>();
		Timestamp computed = Timestamp.from(clock.instant());
		for (SimulatedAccount a : simulator.accounts()) {
			SimulatedMeasures measures = new SimulatedMeasures(simulator, a);
			for (LocalDate day = lastDay; !day.isBefore(simulator.firstDay().plusDays(29)); day = day.minusDays(15)) {
				if (!measures.liveOn(day)) {
					continue;
				}
				long id = ids.get(a.index());
				snapshots.add(new Object[] { id, Date.valueOf(day), computed });
				for (Map.Entry<String, Double> m : measures.on(day).entrySet()) {
					values.add(new Object[] { id, Date.valueOf(day), m.getKey(), m.getValue() });
				}
			}
		}
		jdbc.batchUpdate("insert into health_snapshots (account_id, snapshot_day, computed_at) values (?, ?, ?)",
				snapshots);
		jdbc.batchUpdate("insert into health_measure_values (account_id, snapshot_day, measure_key, measure_value, "
				+ "weight) values (?, ?, ?, ?, 1)", values);
	}
}

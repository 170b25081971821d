package io.rapport.health.internal.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.rapport.demo.UsageSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainer on simulated populations held in memory, so that quality is judged on several seeds rather than one:
 * 1,000 accounts each, a tenth drifting into the seed's signals; the scorer's measures every 15 days.
 */
class ChurnTrainerTests {

	private static final LocalDate TODAY = LocalDate.of(2027, 9, 1);

	private static final Instant NOW = TODAY.atTime(5, 0).toInstant(ZoneOffset.UTC);

	@Test
	void shouldRankTheAccountsThatCancelWellOnAverageOverSeeds() {
		double total = 0;
		double worst = 1;
		for (long seed = 1; seed <= 8; seed++) {
			Population base = population(seed, 1000);
			ChurnModel run = new ChurnTrainer(ChurnTrainer.Settings.defaults()).train(base.history(), base.churned(),
					NOW);
			assertThat(run.status()).isEqualTo(ChurnModel.Status.TRAINED);
			total += run.rocAuc();
			worst = Math.min(worst, run.rocAuc());
		}
		assertThat(total / 8).isGreaterThanOrEqualTo(0.85);
		assertThat(worst).isGreaterThanOrEqualTo(0.78);
	}

	@Test
	void shouldNotTrainBelowTheMinimumOfCancelledAccounts() {
		Population small = population(1, 150);
		ChurnModel run = new ChurnTrainer(ChurnTrainer.Settings.defaults()).train(small.history(), small.churned(), NOW);

		assertThat(small.churned().size()).isLessThan(30);
		assertThat(run.status()).isEqualTo(ChurnModel.Status.TOO_FEW_CANCELLED);
		assertThat(run.cancelledAccounts()).isEqualTo(small.churned().size());
		assertThat(run.terms()).isEmpty();
	}

	@Test
	void shouldNotTrainWithoutSixMonthsOfSnapshots() {
		Population base = population(2, 1000);
		MeasureHistory recent = new InMemory(base.values().entrySet().stream()
			.filter(e -> e.getKey().isAfter(TODAY.minusDays(170)))
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

		ChurnModel run = new ChurnTrainer(ChurnTrainer.Settings.defaults()).train(recent, base.churned(), NOW);

		assertThat(run.status()).isEqualTo(ChurnModel.Status.NO_HISTORY);
	}

	@Test
	void shouldNeverTrainOnWhatHappenedAfterTheValidationCutoff() {
		Population base = population(3, 1000);
		ChurnModel run = new ChurnTrainer(ChurnTrainer.Settings.defaults()).train(base.history(), base.churned(), NOW);

		assertThat(run.validationCutoff()).isBeforeOrEqualTo(TODAY.minusDays(90));
		// the last training cutoff's 90 days ended on or before the validation cutoff
		assertThat(run.firstCutoff()).isBefore(run.validationCutoff());
		assertThat(base.values().keySet().stream().filter(d -> !d.isAfter(run.validationCutoff().minusDays(90))))
			.isNotEmpty();
		assertThat(run.trainingRows()).isPositive();
		assertThat(run.validationRows()).isPositive();
	}

	record Population(Map<LocalDate, Map<Long, Map<String, Double>>> values, Map<Long, Instant> churned) {

		MeasureHistory history() {
			return new InMemory(values);
		}
	}

	static Population population(long seed, int accounts) {
		UsageSimulator simulator = new UsageSimulator(seed, accounts, TODAY.minusDays(1), 365, 0.10);
		Map<LocalDate, Map<Long, Map<String, Double>>> values = new HashMap<>();
		Map<Long, Instant> churned = new HashMap<>();
		for (UsageSimulator.SimulatedAccount a : simulator.accounts()) {
			SimulatedMeasures measures = new SimulatedMeasures(simulator, a);
			if (a.cancelled()) {
				churned.put((long) a.index(), a.cancelledOn().atTime(12, 0).toInstant(ZoneOffset.UTC));
			}
			for (LocalDate day = TODAY.minusDays(1); !day.isBefore(simulator.firstDay().plusDays(29));
					day = day.minusDays(15)) {
				if (measures.liveOn(day)) {
					values.computeIfAbsent(day, d -> new HashMap<>()).put((long) a.index(), measures.on(day));
				}
			}
		}
		return new Population(values, churned);
	}

	private record InMemory(Map<LocalDate, Map<Long, Map<String, Double>>> values) implements MeasureHistory {

		@Override
		public List<LocalDate> days() {
			return new ArrayList<>(new TreeSet<>(values.keySet()));
		}

		@Override
		public Map<LocalDate, Map<Long, Map<String, Double>>> on(Set<LocalDate> days) {
			Map<LocalDate, Map<Long, Map<String, Double>>> on = new HashMap<>();
			days.stream().filter(values::containsKey).forEach(d -> on.put(d, values.get(d)));
			return on;
		}
	}
}

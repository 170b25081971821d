package io.rapport.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.rapport.demo.UsageSimulator.SimulatedAccount;
import io.rapport.demo.UsageSimulator.SimulatedEvent;
import io.rapport.demo.UsageSimulator.Signal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageSimulatorTests {

	private static final LocalDate LAST = LocalDate.of(2026, 11, 30);

	@Test
	void shouldGiveTheSameBaseAndEventsForTheSameSeed() {
		UsageSimulator one = new UsageSimulator(42, 50, LAST, 365, 0.1);
		UsageSimulator two = new UsageSimulator(42, 50, LAST, 365, 0.1);

		assertThat(two.accounts()).isEqualTo(one.accounts());
		assertThat(events(two, two.accounts().get(7))).isEqualTo(events(one, one.accounts().get(7)));
		assertThat(two.npsAnswers(two.accounts().get(3))).isEqualTo(one.npsAnswers(one.accounts().get(3)));
		assertThat(new UsageSimulator(43, 50, LAST, 365, 0.1).accounts()).isNotEqualTo(one.accounts());
	}

	@Test
	void shouldNotDependOnWhichAccountIsAskedFirst() {
		UsageSimulator simulator = new UsageSimulator(5, 20, LAST, 120, 0.1);
		List<SimulatedEvent> first = events(simulator, simulator.accounts().get(12));
		events(simulator, simulator.accounts().get(3));
		assertThat(events(simulator, simulator.accounts().get(12))).isEqualTo(first);
	}

	@Test
	void shouldDriftATenthIntoEachSignalAndCancelManyOfThem() {
		UsageSimulator simulator = new UsageSimulator(1, 2000, LAST, 365, 0.1);
		List<SimulatedAccount> drifting = simulator.accounts().stream().filter(SimulatedAccount::drifts).toList();
		Map<Signal, Integer> bySignal = new EnumMap<>(Signal.class);
		drifting.forEach(a -> bySignal.merge(a.drift(), 1, Integer::sum));

		assertThat(drifting.size()).isBetween(150, 250);
		assertThat(bySignal).containsOnlyKeys(Signal.values());
		assertThat(bySignal.values()).allMatch(n -> n >= drifting.size() / 4 - 1);
		long cancelledDrifters = drifting.stream().filter(SimulatedAccount::cancelled).count();
		long cancelledHealthy = simulator.accounts().stream().filter(a -> !a.drifts() && a.cancelled()).count();
		assertThat(cancelledDrifters).isGreaterThan(drifting.size() / 3);
		assertThat(cancelledHealthy).isPositive().isLessThan(cancelledDrifters);
		assertThat(drifting).allMatch(a -> !a.cancelled() || a.cancelledOn().isAfter(a.driftsFrom()));
	}

	@Test
	void shouldShowEachSignalInTheEventsAfterTheDriftBegins() {
		UsageSimulator simulator = new UsageSimulator(3, 400, LAST, 365, 0.2);
		for (Signal signal : Signal.values()) {
			SimulatedAccount a = simulator.accounts().stream()
				.filter(x -> x.drift() == signal && !x.cancelled() && x.driftsFrom().isBefore(LAST.minusDays(60)))
				.findFirst().orElseThrow();
			LocalDate from = a.driftsFrom();
			List<SimulatedEvent> events = events(simulator, a);
			double before = rate(events, signalEvent(signal), from.minusDays(60), from.minusDays(1));
			double after = rate(events, signalEvent(signal), from.plusDays(21), from.plusDays(60));
			switch (signal) {
				case LITTLE_ENGAGEMENT, NO_KNOWLEDGE_BASE -> assertThat(after).as(signal.name()).isLessThan(before / 2);
				case PASSWORD_RESETS, UNHELPFUL_HELP -> assertThat(after).as(signal.name()).isGreaterThan(before * 3);
			}
		}
	}

	@Test
	void shouldUseLessOnWeekendsAndNothingAfterCancelling() {
		UsageSimulator simulator = new UsageSimulator(4, 30, LAST, 365, 0.3);
		SimulatedAccount healthy = simulator.accounts().stream().filter(a -> !a.drifts() && !a.cancelled())
			.findFirst().orElseThrow();
		List<SimulatedEvent> events = events(simulator, healthy);
		long weekend = events.stream().filter(e -> weekend(e)).count();
		long weekdays = events.size() - weekend;
		assertThat(weekend / 2.0).isLessThan(weekdays / 5.0 / 2);
		assertThat(events).anyMatch(e -> e.event().equals("Session Ended") && e.durationSeconds() > 0)
			.anyMatch(e -> e.event().equals("Feature Used") && e.feature() != null);

		SimulatedAccount gone = simulator.accounts().stream().filter(SimulatedAccount::cancelled).findFirst()
			.orElseThrow();
		assertThat(events(simulator, gone))
			.allMatch(e -> e.at().atZone(ZoneOffset.UTC).toLocalDate().isBefore(gone.cancelledOn()));
	}

	private static boolean weekend(SimulatedEvent e) {
		DayOfWeek day = e.at().atZone(ZoneOffset.UTC).getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

	private static String signalEvent(Signal signal) {
		return switch (signal) {
			case LITTLE_ENGAGEMENT -> "Session Ended";
			case PASSWORD_RESETS -> "Password Reset Requested";
			case NO_KNOWLEDGE_BASE -> "Help Article Viewed";
			case UNHELPFUL_HELP -> "Ticket Reopened";
		};
	}

	/** Events of a name per day between two days, engagement counted in seconds. */
	private static double rate(List<SimulatedEvent> events, String event, LocalDate from, LocalDate to) {
		double total = events.stream().filter(e -> e.event().equals(event))
			.filter(e -> !e.at().atZone(ZoneOffset.UTC).toLocalDate().isBefore(from)
					&& !e.at().atZone(ZoneOffset.UTC).toLocalDate().isAfter(to))
			.mapToDouble(e -> e.durationSeconds() > 0 ? e.durationSeconds() : 1).sum();
		return (total + 0.5) / (to.toEpochDay() - from.toEpochDay() + 1);
	}

	private static List<SimulatedEvent> events(UsageSimulator simulator, SimulatedAccount account) {
		List<SimulatedEvent> events = new ArrayList<>();
		simulator.events(account, events::add);
		return events;
	}
}

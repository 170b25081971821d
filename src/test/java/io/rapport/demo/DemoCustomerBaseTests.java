package io.rapport.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.rapport.demo.DemoCustomerBase.Change;
import io.rapport.demo.DemoCustomerBase.Customer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The wider customer base's shape: a company that grows, loses a customer every few weeks, and is the same by seed. */
class DemoCustomerBaseTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	private final List<Customer> base = DemoCustomerBase.plan(42, TODAY, DemoUsage.STAYING_CUSTOMERS,
			DemoUsage.PAST_CUSTOMERS);

	@Test
	void shouldBeTheSameBaseForTheSameSeed() {
		assertThat(DemoCustomerBase.plan(42, TODAY, DemoUsage.STAYING_CUSTOMERS, DemoUsage.PAST_CUSTOMERS))
			.isEqualTo(base);
		assertThat(DemoCustomerBase.plan(43, TODAY, DemoUsage.STAYING_CUSTOMERS, DemoUsage.PAST_CUSTOMERS))
			.isNotEqualTo(base);
	}

	@Test
	void shouldGiveEveryCustomerItsOwnNameAndDomain() {
		assertThat(base).hasSize(DemoUsage.STAYING_CUSTOMERS + DemoUsage.PAST_CUSTOMERS);
		assertThat(base.stream().map(Customer::name).distinct()).hasSameSizeAs(base);
		assertThat(base.stream().map(Customer::domain).distinct()).hasSameSizeAs(base);
		assertThat(DemoCustomerBase.name(80)).isEqualTo("Bluefin Retail 2");
	}

	/** At least the churn model's 30, one every three weeks or so over two years, none today or later. */
	@Test
	void shouldSpreadTheCancellationsOverTwoYears() {
		List<LocalDate> cancelled = base.stream().filter(Customer::past).map(Customer::cancelledOn).sorted().toList();
		assertThat(cancelled).hasSizeGreaterThanOrEqualTo(30);
		assertThat(cancelled).allMatch(day -> day.isBefore(TODAY) && day.isAfter(TODAY.minusDays(740)));
		for (int quarter = 0; quarter < 8; quarter++) {
			LocalDate from = TODAY.minusDays(730 - 91L * quarter);
			assertThat(cancelled.stream().filter(d -> !d.isBefore(from) && d.isBefore(from.plusDays(91))).count())
				.as("cancellations in quarter %d", quarter).isBetween(2L, 6L);
		}
		assertThat(base).filteredOn(Customer::past).allMatch(c -> c.startedOn().isBefore(c.cancelledOn().minusDays(149)));
	}

	/** The churn model's cases: last year's leavers mostly drifted first, into each of the four signals. */
	@Test
	void shouldLetLastYearsLeaversDriftIntoEachSignalFirst() {
		List<Customer> lastYear = base.stream().filter(c -> c.past() && c.cancelledOn().isAfter(TODAY.minusDays(365)))
			.toList();
		Set<UsageSimulator.Signal> signals = EnumSet.noneOf(UsageSimulator.Signal.class);
		lastYear.stream().filter(c -> c.drift() != null).forEach(c -> signals.add(c.drift()));
		assertThat(signals).containsExactlyInAnyOrder(UsageSimulator.Signal.values());
		assertThat(lastYear.stream().filter(c -> c.drift() != null).count()).isGreaterThan(lastYear.size() / 2);
		assertThat(base).filteredOn(c -> c.drift() != null)
			.allMatch(c -> c.driftsFrom().isAfter(c.startedOn()) && c.driftsFrom().isBefore(c.cancelledOn().minusDays(59)));
		assertThat(base).filteredOn(c -> c.past() && c.drift() == null).allMatch(c -> !c.reason().isBlank());
	}

	/**
	 * Month by month over the last two years the base alone loses 1 to 4 % of its customers, gains new ones, and
	 * its MRR grows; some customers grew and some shrank.
	 */
	@Test
	void shouldGrowLikeAHealthySaasCompany() {
		int lost = 0;
		int atRisk = 0;
		Set<String> joined = new HashSet<>();
		for (int month = 24; month >= 1; month--) {
			LocalDate start = TODAY.minusMonths(month);
			LocalDate end = start.plusMonths(1);
			List<Customer> paying = base.stream().filter(c -> paying(c, start)).toList();
			atRisk += paying.size();
			lost += (int) paying.stream().filter(c -> !paying(c, end)).count();
			base.stream().filter(c -> !c.startedOn().isBefore(start) && c.startedOn().isBefore(end))
				.forEach(c -> joined.add(c.name()));
		}
		double monthlyChurn = (double) lost / atRisk;
		assertThat(monthlyChurn).isBetween(0.01, 0.04);
		assertThat(joined).hasSizeGreaterThanOrEqualTo(24);
		long twoYearsAgo = mrr(TODAY.minusYears(2));
		long aYearAgo = mrr(TODAY.minusYears(1));
		long now = mrr(TODAY);
		assertThat(aYearAgo).isGreaterThan(twoYearsAgo);
		assertThat(now).isGreaterThan(aYearAgo * 11 / 10);
		assertThat(base).anyMatch(c -> c.changes().stream().anyMatch(ch -> ch.mrrCents() > c.mrrCents()));
		assertThat(base).anyMatch(c -> c.changes().stream().anyMatch(ch -> ch.mrrCents() < c.mrrCents()));
		assertThat(base).anyMatch(c -> c.changes().stream().anyMatch(ch -> ch.plan() != c.plan()));
	}

	private static boolean paying(Customer c, LocalDate day) {
		return !c.startedOn().isAfter(day) && (c.cancelledOn() == null || c.cancelledOn().isAfter(day));
	}

	private long mrr(LocalDate day) {
		long sum = 0;
		for (Customer c : base) {
			if (paying(c, day)) {
				long mrr = c.mrrCents();
				for (Change change : c.changes()) {
					if (!change.on().isAfter(day)) {
						mrr = change.mrrCents();
					}
				}
				sum += mrr;
			}
		}
		return sum;
	}
}

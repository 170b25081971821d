package io.rapport.activity.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewAccount;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.CohortCounts;
import io.rapport.activity.CohortQuery;
import io.rapport.activity.CohortQuery.Unit;
import io.rapport.activity.UsageEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cohort read model (first days, active weeks and months) gives the same retention tables as the rollups it is
 * kept from, for every option it answers: people and accounts, weeks and months, on and on or after, first-time and
 * recurring; after a late event moves people's first day earlier; and after a rebuild. Usage in 2013, where no other
 * test writes.
 */
class CohortModelTests extends IntegrationTest {

	@Autowired
	ActivityApi activity;

	@Autowired
	AccountsApi accounts;

	@Autowired
	CohortReader reader;

	@Test
	void shouldCountTheSameTablesAsTheRollupsAfterLateEventsAndARebuild() {
		// Given 40 people on 3 accounts active on random days of 2013's spring, and account facts with no person
		Random random = new Random(2013);
		long[] ids = new long[3];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = accounts.createAccount(new NewAccount("Cohort model " + i + " " + System.nanoTime(), null, null)).id();
		}
		List<UsageEvent> usage = new ArrayList<>();
		List<UsageEvent> late = new ArrayList<>();
		for (int p = 0; p < 40; p++) {
			long account = ids[p % ids.length];
			String user = "cohort-model-" + p;
			LocalDate day = LocalDate.of(2013, 3, 4).plusDays(random.nextInt(60));
			for (int d = 0; d < 1 + random.nextInt(12); d++) {
				usage.add(event(account, user, random.nextBoolean() ? "Signed In" : "Report Built", day));
				day = day.plusDays(1 + random.nextInt(9));
			}
			if (p % 4 == 0) {
				// a late event, loaded afterwards, from before the person's first day
				late.add(event(account, user, "Signed In", LocalDate.of(2013, 2, 25).plusDays(random.nextInt(10))));
			}
		}
		usage.add(event(ids[0], null, "Ticket Solved", LocalDate.of(2013, 2, 27)));
		usage.add(event(ids[1], null, "Ticket Solved", LocalDate.of(2013, 4, 16)));
		activity.load(usage);

		assertSameTables();

		// When late events arrive, then the read model is rebuilt
		activity.load(late);
		assertSameTables();
		assertThat(activity.rebuildCohorts()).isPositive();
		assertSameTables();
	}

	private void assertSameTables() {
		for (boolean accounts : new boolean[] { false, true }) {
			for (Unit unit : new Unit[] { Unit.WEEK, Unit.MONTH }) {
				LocalDate first = unit == Unit.WEEK ? LocalDate.of(2013, 2, 25) : LocalDate.of(2013, 2, 1);
				int columns = unit == Unit.WEEK ? 8 : 4;
				for (boolean onOrAfter : new boolean[] { false, true }) {
					for (boolean recurring : new boolean[] { false, true }) {
						CohortQuery q = new CohortQuery(accounts, unit, first, 4, columns, null, null, onOrAfter,
								recurring, 1);
						CohortCounts model = reader.counts(q, true);
						CohortCounts rollups = reader.counts(q, false);
						assertThat(model.sizes()).as("sizes %s", q).containsExactly(rollups.sizes());
						assertThat(model.retained()).as("cells %s", q).isDeepEqualTo(rollups.retained());
						assertThat(Arrays.stream(model.sizes()).sum()).as("people in cohorts %s", q).isPositive();
					}
				}
			}
		}
	}

	private static UsageEvent event(long account, String user, String name, LocalDate day) {
		return new UsageEvent(null, account, null, user, name, day.atTime(10, 0).toInstant(ZoneOffset.UTC), 0, Map.of());
	}
}

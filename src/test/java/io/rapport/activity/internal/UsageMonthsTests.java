package io.rapport.activity.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewAccount;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.Adoption;
import io.rapport.activity.UsageEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adoption over whole months, counted from the monthly read model ({@code activity_usage_months}), answers what the
 * daily rollups answer: people and accounts, one feature, several, none, one nobody used, the core features (rows of
 * their own); across the turn of an era (January 2010: the window falls back to the rollups); after late events,
 * after the core marks change and after a rebuild. Usage in 2009–2011, where no other test writes; the marks are
 * put back as they were.
 */
class UsageMonthsTests extends IntegrationTest {

	private static final Set<String> CORE = Set.of("Report Built", "Invite Sent");

	private static final List<Set<String>> FEATURES = List.of(Set.of("Report Built"),
			Set.of("Report Built", "Invite Sent"), Set.of(), Set.of("Never Used", "Invite Sent"));

	@Autowired
	ActivityApi activity;

	@Autowired
	AccountsApi accounts;

	@Autowired
	UsageReader reader;

	@Autowired
	EventKinds kinds;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldCountWholeMonthsAsTheRollupsDo() {
		// Given 60 people on 4 accounts, active on random days from autumn 2009 to spring 2011, and account facts
		Random random = new Random(2010);
		long[] ids = new long[4];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = accounts.createAccount(new NewAccount("Usage months " + i + " " + System.nanoTime(), null, null)).id();
		}
		List<UsageEvent> usage = new ArrayList<>();
		List<UsageEvent> late = new ArrayList<>();
		String[] events = { "Signed In", "Report Built", "Invite Sent" };
		for (int p = 0; p < 60; p++) {
			long account = ids[p % ids.length];
			String user = "usage-months-" + p;
			LocalDate day = LocalDate.of(2009, 9, 1).plusDays(random.nextInt(400));
			for (int d = 0; d < 1 + random.nextInt(10); d++) {
				usage.add(event(account, user, events[random.nextInt(events.length)], day));
				day = day.plusDays(1 + random.nextInt(40));
			}
			if (p % 5 == 0) {
				late.add(event(account, user, "Invite Sent", LocalDate.of(2009, 10, 1).plusDays(random.nextInt(500))));
			}
		}
		usage.add(event(ids[0], null, "Report Built", LocalDate.of(2010, 6, 30)));
		activity.load(usage);
		List<EventKinds.Kind> marks = kinds.all();
		try {
			assertSameAnswers();

			// When the two features become the core features: their months are rows of their own
			marks.stream().filter(k -> k.coreFeature() && !CORE.contains(k.event()))
				.forEach(k -> kinds.mark(k.event(), k.valueEvent(), false));
			CORE.forEach(name -> kinds.mark(name, false, true));
			assertThat(coreRows()).isPositive();
			assertSameAnswers();

			// When late events arrive (their writers add to the core rows), a feature stops and starts being core
			activity.load(late);
			assertSameAnswers();
			kinds.mark("Invite Sent", false, false);
			assertSameAnswers();
			kinds.mark("Invite Sent", false, true);
			assertSameAnswers();

			// When the read models are rebuilt
			assertThat(activity.rebuildCohorts()).isPositive();
			assertThat(coreRows()).isPositive();
			assertSameAnswers();
		}
		finally {
			Set<String> before = new HashSet<>();
			marks.forEach(k -> {
				before.add(k.event());
				kinds.mark(k.event(), k.valueEvent(), k.coreFeature());
			});
			CORE.stream().filter(name -> !before.contains(name)).forEach(name -> kinds.mark(name, false, false));
		}
	}

	private long coreRows() {
		Long n = jdbc.queryForObject("select count(*) from activity_usage_months where lvl = 'u' and era = 8",
				Long.class);
		return n == null ? 0 : n;
	}

	@Test
	void shouldReadOnlyWholeMonthsOfOneEraFromTheModel() {
		assertThat(UsageMonths.wholeMonths(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31))).hasValue(0xFFFL);
		assertThat(UsageMonths.wholeMonths(LocalDate.of(2009, 12, 1), LocalDate.of(2009, 12, 31)))
			.hasValue(1L << 59);
		assertThat(UsageMonths.wholeMonths(LocalDate.of(2009, 12, 1), LocalDate.of(2010, 1, 31))).isEmpty();
		assertThat(UsageMonths.wholeMonths(LocalDate.of(2010, 1, 2), LocalDate.of(2010, 1, 31))).isEmpty();
		assertThat(UsageMonths.wholeMonths(LocalDate.of(2010, 2, 1), LocalDate.of(2010, 2, 27))).isEmpty();
		assertThat(UsageMonths.wholeMonths(LocalDate.of(1969, 12, 1), LocalDate.of(1969, 12, 31))).isEmpty();
	}

	private void assertSameAnswers() {
		List<LocalDate[]> windows = List.of(
				new LocalDate[] { LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31) },
				new LocalDate[] { LocalDate.of(2010, 3, 1), LocalDate.of(2010, 5, 31) },
				new LocalDate[] { LocalDate.of(2009, 12, 1), LocalDate.of(2009, 12, 31) },
				new LocalDate[] { LocalDate.of(2009, 7, 1), LocalDate.of(2010, 6, 30) },
				new LocalDate[] { LocalDate.of(2010, 2, 10), LocalDate.of(2010, 4, 20) });
		int fromModel = 0;
		for (LocalDate[] w : windows) {
			for (Set<String> features : FEATURES) {
				for (boolean byAccount : new boolean[] { false, true }) {
					Adoption answered = reader.adoption(w[0], w[1], features, byAccount);
					Adoption rollups = reader.adoptionFromRollups(w[0], w[1], features, byAccount);
					String what = w[0] + ".." + w[1] + " " + features + (byAccount ? " accounts" : " people");
					assertThat(answered).as(what).isEqualTo(rollups);
					fromModel += UsageMonths.wholeMonths(w[0], w[1]).isPresent() ? 1 : 0;
				}
			}
		}
		assertThat(fromModel).isEqualTo(3 * FEATURES.size() * 2);
		assertThat(reader.adoption(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31), Set.of("Report Built"), false)
			.adopting()).isPositive();
	}

	private static UsageEvent event(long account, String user, String name, LocalDate day) {
		return new UsageEvent(null, account, null, user, name, day.atTime(10, 0).toInstant(ZoneOffset.UTC), 0, Map.of());
	}
}

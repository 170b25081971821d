package io.rapport.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.rapport.accounts.AccountsApi;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.UsageEvent;

import org.springframework.stereotype.Component;

/**
 * People who signed up during the last 26 weeks, so the Business page's cohort retention table (weekly by default)
 * has cohorts on first start: each week 8 to 15 new users of Brightlane's accounts do {@code Signed Up}, then come
 * back in week k after with a probability of 0.25 + 0.45·e^(−(k−1)/3): about 70 % in week 1 and 27 % in week 10,
 * the seed's "week-1 retention of 60–75 %, week 10 at 25 %". Seeded, so the same seed gives the same people.
 */
@Component
class DemoCohorts {

	static final int WEEKS = 26;

	private final AccountsApi accounts;

	private final ActivityApi activity;

	private final Clock clock;

	DemoCohorts(AccountsApi accounts, ActivityApi activity, Clock clock) {
		this.accounts = accounts;
		this.activity = activity;
		this.clock = clock;
	}

	/** Loads the sign-ups and their returns; answers how many people signed up. */
	int create(long seed) {
		List<Long> ids = accounts.accountIds(0, 40);
		if (ids.isEmpty()) {
			return 0;
		}
		Random random = new Random(seed * 31 + 7);
		LocalDate yesterday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
		LocalDate thisWeek = yesterday.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<UsageEvent> events = new ArrayList<>();
		int people = 0;
		for (int w = WEEKS; w >= 0; w--) {
			LocalDate week = thisWeek.minusWeeks(w);
			int signups = 8 + random.nextInt(8);
			for (int i = 0; i < signups; i++) {
				long account = ids.get(random.nextInt(ids.size()));
				String user = "trial-" + week + "-" + (i + 1);
				LocalDate signedUp = week.plusDays(random.nextInt(5));
				if (signedUp.isAfter(yesterday)) {
					continue;
				}
				people++;
				events.add(event(account, user, "Signed Up", signedUp, 9));
				for (int k = 1; k <= w; k++) {
					if (random.nextDouble() >= 0.25 + 0.45 * Math.exp(-(k - 1) / 3.0)) {
						continue;
					}
					int visits = 1 + random.nextInt(3);
					for (int v = 0; v < visits; v++) {
						LocalDate day = week.plusWeeks(k).plusDays(random.nextInt(7));
						if (!day.isAfter(yesterday)) {
							events.add(event(account, user, "Signed In", day, 9 + v));
							if (random.nextDouble() < 0.4) {
								events.add(event(account, user, UsageSimulator.VALUE_EVENT, day, 10 + v));
							}
						}
					}
				}
			}
		}
		activity.load(events);
		return people;
	}

	private static UsageEvent event(long account, String user, String name, LocalDate day, int hour) {
		return new UsageEvent(null, account, null, user, name, day.atTime(hour, 0).toInstant(ZoneOffset.UTC), 0,
				Map.of());
	}
}

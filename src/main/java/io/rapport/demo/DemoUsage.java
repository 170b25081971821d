package io.rapport.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.UsageEvent;

import org.springframework.stereotype.Component;

/**
 * Four months of product usage for the demo's accounts, so that every account page shows its usage charts, seats
 * used, its people's last activity and the usage highlights of its timeline: each account's first eight contacts
 * sign in, work in sessions and use features, more on weekdays than at weekends, with noise; three accounts drift
 * (their usage falls by two thirds over the last six weeks) and one grows. A few contacts get a role. Deterministic
 * by seed; recorded through {@link ActivityApi#record}, so the rollups are what real events would have made.
 */
@Component
class DemoUsage {

	static final int DAYS = 120;

	static final int PEOPLE = 8;

	static final List<String> FEATURES = List.of("Report Exported", "Dashboard Shared", "Invoice Sent",
			"Integration Connected", "Team Member Invited");

	static final int[] DRIFTING = { 3, 11, 16 };

	static final int GROWING = 5;

	private static final String[] ROLES = { "Head of IT", "Finance lead", "Workspace admin", "CFO", "Operations" };

	private final AccountsApi accounts;

	private final ActivityApi activity;

	private final Clock clock;

	DemoUsage(AccountsApi accounts, ActivityApi activity, Clock clock) {
		this.accounts = accounts;
		this.activity = activity;
		this.clock = clock;
	}

	/** Records the usage and answers how many events it made. */
	int create(long seed) {
		Random random = new Random(seed * 17 + 5);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<AccountView> all = new ArrayList<>(accounts.searchAccounts("", 0, 100).items());
		all.sort(Comparator.comparing(AccountView::id));
		int made = 0;
		for (int i = 0; i < all.size(); i++) {
			List<UsageEvent> events = account(all.get(i), i, today, random);
			activity.record(events);
			made += events.size();
		}
		activity.mark("Report Exported", true, true);
		for (String feature : FEATURES.subList(1, FEATURES.size())) {
			activity.mark(feature, false, true);
		}
		return made;
	}

	private List<UsageEvent> account(AccountView account, int index, LocalDate today, Random random) {
		List<ContactView> people = accounts.contactsOf(account.id()).stream().limit(PEOPLE).toList();
		List<UsageEvent> events = new ArrayList<>();
		for (int p = 0; p < people.size(); p++) {
			ContactView person = people.get(p);
			if (p < 2 && (index + p) % 3 == 0) {
				accounts.setContactRole(person.id(), ROLES[(index + p) % ROLES.length]);
			}
			double keen = 0.35 + random.nextDouble() * 0.55;
			int joined = p < 3 ? DAYS : random.nextInt(DAYS);
			for (int ago = Math.min(joined, DAYS) - 1; ago >= 0; ago--) {
				LocalDate day = today.minusDays(ago);
				double chance = keen * trend(index, ago) * (weekend(day) ? 0.2 : 1.0);
				if (random.nextDouble() < chance) {
					day(events, account, person, day, ago == 0, random);
				}
			}
		}
		return events;
	}

	/** How active the account is {@code ago} days back, against its usual: drifting accounts fall, one grows. */
	private static double trend(int index, int ago) {
		for (int drifting : DRIFTING) {
			if (drifting == index) {
				return ago >= 45 ? 1.0 : 0.3 + 0.7 * ago / 45.0;
			}
		}
		return index == GROWING && ago < 40 ? 1.6 : 1.0;
	}

	private void day(List<UsageEvent> events, AccountView account, ContactView person, LocalDate day, boolean today,
			Random random) {
		Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant()
			.plus(Duration.ofMinutes(today ? random.nextInt(60) : 420 + random.nextInt(600)));
		if (today) {
			// today's session is over by now: it ended before the demo started
			Instant latest = clock.instant().minus(Duration.ofHours(1));
			start = start.isAfter(latest) ? latest : start;
		}
		String key = "demo:" + person.id() + ":" + day + ":";
		events.add(new UsageEvent(key + "in", account.id(), person.id(), "Signed In", start, 0));
		int uses = 1 + random.nextInt(3);
		for (int u = 0; u < uses; u++) {
			// the first features are used far more than the last ones: adoption is never complete
			String feature = FEATURES.get(Math.min(FEATURES.size() - 1, (int) (Math.abs(random.nextGaussian()) * 1.6)));
			events.add(new UsageEvent(key + "f" + u, account.id(), person.id(), feature,
					start.plus(Duration.ofMinutes(2L + u)), 0));
		}
		long seconds = 300 + random.nextInt(3300);
		events.add(new UsageEvent(key + "out", account.id(), person.id(), "Session Ended",
				start.plusSeconds(seconds), seconds));
	}

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}
}

package io.rapport.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.rapport.health.HealthApi;

import org.springframework.stereotype.Component;

/**
 * The demo's health history: a snapshot per account for each of the last 90 days, and one every fortnight back to a
 * year ago, oldest first, computed from whatever the demo holds by then (tickets, CSAT and NPS answers, usage when
 * there is any), so every account page shows a score with its trend and the at-risk page has its list on first
 * start. Then the churn model is trained on that year, as the nightly job would: with the simulated year's past
 * customers it has the history it needs, and Admin → Churn model shows its quality.
 */
@Component
class DemoHealth {

	static final int DAYS = 90;

	/** How far back the fortnightly snapshots go: the churn model trains on cutoffs 180 to 390 days back. */
	static final int HISTORY_DAYS = 364;

	static final int HISTORY_STEP = 14;

	private final HealthApi health;

	private final Clock clock;

	DemoHealth(HealthApi health, Clock clock) {
		this.health = health;
		this.clock = clock;
	}

	/** Trains the churn model on the history; answers whether it is in use. */
	boolean train() {
		return health.trainChurnModel();
	}

	/** Answers how many accounts today's snapshot scored. */
	int create() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<LocalDate> days = new ArrayList<>();
		for (int back = HISTORY_DAYS; back > DAYS; back -= HISTORY_STEP) {
			days.add(today.minusDays(back));
		}
		for (int back = DAYS; back >= 0; back--) {
			days.add(today.minusDays(back));
		}
		List<Integer> scored = health.recompute(days);
		return scored.get(scored.size() - 1);
	}
}

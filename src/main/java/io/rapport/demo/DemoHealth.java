package io.rapport.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.rapport.health.HealthApi;

import org.springframework.stereotype.Component;

/**
 * The demo's health history: a snapshot per account for each of the last 30 days, weekly before that back to 91
 * days, and every four weeks back to a year ago, oldest first, computed from whatever the demo holds by then
 * (tickets, CSAT and NPS answers, usage when there is any), so every account page shows a score with its trend over
 * 7, 30 and 90 days and the at-risk page has its list on first start. Then the churn model is trained on that
 * year, as the nightly job would: with the simulated year's past customers it has the history it needs (cutoffs 180
 * to 390 days back, each within four weeks of its target), and Admin → Churn model shows its quality. Fewer days
 * than a daily year keep the first start short: each day is a scoring run over every account.
 */
@Component
class DemoHealth {

	static final int DAYS = 30;

	static final int WEEKS_BACK_TO = 91;

	static final int HISTORY_DAYS = 364;

	static final int HISTORY_STEP = 28;

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

	/** The days snapshots are kept for, oldest first. */
	static List<LocalDate> days(LocalDate today) {
		List<LocalDate> days = new ArrayList<>();
		for (int back = HISTORY_DAYS; back > WEEKS_BACK_TO; back -= HISTORY_STEP) {
			days.add(today.minusDays(back));
		}
		for (int back = WEEKS_BACK_TO; back > DAYS; back -= 7) {
			days.add(today.minusDays(back));
		}
		for (int back = DAYS; back >= 0; back--) {
			days.add(today.minusDays(back));
		}
		return days;
	}

	/** Answers how many accounts today's snapshot scored. */
	int create() {
		List<Integer> scored = health.recompute(days(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
		return scored.get(scored.size() - 1);
	}
}

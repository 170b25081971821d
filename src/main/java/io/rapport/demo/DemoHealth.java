package io.rapport.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.rapport.health.HealthApi;

import org.springframework.stereotype.Component;

/**
 * The demo's health history: a snapshot per account for each of the last 90 days, oldest first, computed from
 * whatever the demo holds by then (tickets, CSAT and NPS answers, usage when there is any), so every account page
 * shows a score with its trend and the at-risk page has its list on first start. Independent of which usage exists.
 */
@Component
class DemoHealth {

	static final int DAYS = 90;

	private final HealthApi health;

	private final Clock clock;

	DemoHealth(HealthApi health, Clock clock) {
		this.health = health;
		this.clock = clock;
	}

	/** Answers how many accounts today's snapshot scored. */
	int create() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<LocalDate> days = new ArrayList<>();
		for (int back = DAYS; back >= 0; back--) {
			days.add(today.minusDays(back));
		}
		List<Integer> scored = health.recompute(days);
		return scored.get(scored.size() - 1);
	}
}

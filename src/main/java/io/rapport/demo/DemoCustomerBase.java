package io.rapport.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Brightlane's wider customer base behind its 20 named accounts, planned day by day so the Business page reads like
 * a healthy SaaS company: customers who joined over four years and stay (more of them lately, some adding seats or
 * moving up a plan, a few giving seats back), and past customers, mostly small, who left one every three weeks or so
 * over the last two years, the latest drifting into one of the seed's four signals first. Planned before anything
 * is written, from a random of its own, so the same seed gives the same base; {@link DemoUsage} creates it.
 */
final class DemoCustomerBase {

	/** The plans a customer of the wider base has, from the smallest; MRR is the plan's price plus $10 a seat. */
	static final String[] PLANS = { "Starter", "Growth", "Scale" };

	static final long[] PLAN_CENTS = { 9_900L, 49_900L, 149_900L };

	static final long SEAT_CENTS = 1_000L;

	/** How far back the cancellations go, and how long before today the oldest customer joined. */
	static final int HISTORY_DAYS = 730;

	static final int OLDEST_DAYS = 1_460;

	private static final String[] FIRST = { "Bluefin", "Copperleaf", "Granite", "Harbor", "Ironwood", "Juniper",
			"Kestrel", "Lumen", "Maple", "Nimbus", "Orchard", "Pinecrest", "Quarry", "Redwood", "Saltmarsh", "Tidewater",
			"Alder", "Brookside", "Cobalt", "Driftwood" };

	private static final String[] SECOND = { "Retail", "Labs", "Logistics", "Health" };

	private static final String[] LEFT_FOR = { "Budget cuts: the project was stopped",
			"Moved to a competitor with a cheaper plan", "Acquired; the parent company's tools replaced ours",
			"Went back to a shared mailbox: too few requests for a help desk" };

	/** A change of the subscription on a day: its plan (index into {@link #PLANS}), seats and MRR from then. */
	record Change(LocalDate on, int plan, int seats, long mrrCents) {
	}

	/**
	 * One customer of the base: its subscription as it began, the changes since, and, for a past customer, the day it
	 * cancelled and why, with the signal it drifted into first (null if it left for a reason of its own).
	 */
	record Customer(int number, String name, String domain, String currency, int plan, int seats, int users,
			LocalDate startedOn, List<Change> changes, LocalDate cancelledOn, String reason,
			UsageSimulator.Signal drift, LocalDate driftsFrom) {

		long mrrCents() {
			return mrr(plan, seats);
		}

		boolean past() {
			return cancelledOn != null;
		}
	}

	private DemoCustomerBase() {
	}

	static long mrr(int plan, int seats) {
		return PLAN_CENTS[plan] + SEAT_CENTS * seats;
	}

	/**
	 * The base as of {@code today}: {@code current} customers who stay, then {@code past} customers who left, their
	 * cancellations evenly spread over the last two years (a few days either way), none after yesterday.
	 */
	static List<Customer> plan(long seed, LocalDate today, int current, int past) {
		Random random = new Random(seed * 31 + 55);
		List<Customer> base = new ArrayList<>(current + past);
		for (int k = 0; k < current; k++) {
			base.add(staying(k, today, (k + 0.35 + random.nextDouble() * 0.3) / current, random));
		}
		int signal = 0;
		for (int k = 0; k < past; k++) {
			LocalDate cancelled = today.minusDays(HISTORY_DAYS)
				.plusDays(Math.round((k + 0.5) * HISTORY_DAYS / past) + random.nextInt(11) - 5);
			if (!cancelled.isBefore(today)) {
				cancelled = today.minusDays(1);
			}
			int plan = random.nextInt(20) < 11 ? 0 : random.nextInt(9) < 8 ? 1 : 2;
			int seats = 3 + random.nextInt(8);
			LocalDate started = cancelled.minusDays(150 + random.nextInt(900));
			// those who left during the simulated year mostly drifted into a signal first (the churn model's cases)
			UsageSimulator.Signal drift = null;
			LocalDate driftsFrom = null;
			String reason = LEFT_FOR[random.nextInt(LEFT_FOR.length)];
			LocalDate from = cancelled.minusDays(60 + random.nextInt(90));
			if (cancelled.isAfter(today.minusDays(365)) && k % 4 != 3 && from.isAfter(started.plusDays(30))) {
				drift = UsageSimulator.Signal.values()[signal++ % UsageSimulator.Signal.values().length];
				driftsFrom = from;
				reason = null;
			}
			base.add(new Customer(current + k, name(current + k), domain(current + k), k % 3 == 1 ? "EUR" : "USD",
					plan, seats, Math.max(2, seats - random.nextInt(3)), started, List.of(), cancelled, reason, drift,
					driftsFrom));
		}
		return List.copyOf(base);
	}

	/**
	 * A customer who stays: some joined two to four years ago, the others during the last two years, more of them
	 * lately (as the company grows). Every half year from its third month it may move a plan up (one in
	 * five), add seats (one in five) or give a few back (one in twenty).
	 */
	private static Customer staying(int k, LocalDate today, double u, Random random) {
		double old = 0.45;
		long daysAgo = u < old ? Math.round(OLDEST_DAYS - (OLDEST_DAYS - HISTORY_DAYS) * u / old)
				: Math.round(HISTORY_DAYS - (HISTORY_DAYS - 20) * Math.pow((u - old) / (1 - old), 0.8));
		LocalDate started = today.minusDays(daysAgo);
		int plan = random.nextInt(10) < 3 ? 0 : random.nextInt(10) < 8 ? 1 : 2;
		int seats = 4 + random.nextInt(14);
		List<Change> changes = new ArrayList<>();
		int now = plan;
		int seatsNow = seats;
		for (LocalDate step = started.plusDays(60); step.isBefore(today); step = step.plusDays(182)) {
			LocalDate on = step.plusDays(random.nextInt(182));
			int draw = random.nextInt(140);
			if (on.isAfter(today.minusDays(1))) {
				break; // the half year is not over: as likely to change in it as in any other
			}
			if (draw < 34 && now < PLANS.length - 1) {
				now++;
			}
			else if (draw < 64) {
				seatsNow += 2 + random.nextInt(8);
			}
			else if (draw < 71 && seatsNow > 5) {
				seatsNow -= 1 + random.nextInt(3);
			}
			else {
				continue;
			}
			changes.add(new Change(on, now, seatsNow, mrr(now, seatsNow)));
		}
		return new Customer(k, name(k), domain(k), k % 4 == 1 ? "EUR" : k % 9 == 5 ? "GBP" : "USD", plan, seats,
				Math.max(2, seats - random.nextInt(4)), started, List.copyOf(changes), null, null, null, null);
	}

	/** Eighty names, then the same again numbered. */
	static String name(int n) {
		int round = n / (FIRST.length * SECOND.length);
		return FIRST[n % FIRST.length] + " " + SECOND[n / FIRST.length % SECOND.length]
				+ (round == 0 ? "" : " " + (round + 1));
	}

	private static String domain(int n) {
		return name(n).toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
	}
}

package io.rapport.health.internal.model;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.rapport.demo.UsageSimulator;
import io.rapport.demo.UsageSimulator.SimulatedAccount;

/**
 * A stand-in for the scorer in the model's tests: the seed's measures of a simulated account over the 30 days up
 * to a day, from the simulator's events summed per day (engagement per active user, active users against seats,
 * sign-ins, password resets, knowledge-base use, reopened tickets and bad ratings, value events). Null where the
 * scorer would have no data (no active user in the window).
 */
final class SimulatedMeasures {

	private final UsageSimulator simulator;

	private final SimulatedAccount account;

	private final int days;

	private final long[] seconds;

	private final int[] signIns;

	private final int[] help;

	private final int[] resets;

	private final int[] unhelpful;

	private final int[] value;

	private final long[] activeUsers;

	SimulatedMeasures(UsageSimulator simulator, SimulatedAccount account) {
		this.simulator = simulator;
		this.account = account;
		this.days = (int) ChronoUnit.DAYS.between(simulator.firstDay(), simulator.lastDay()) + 1;
		seconds = new long[days];
		signIns = new int[days];
		help = new int[days];
		resets = new int[days];
		unhelpful = new int[days];
		value = new int[days];
		activeUsers = new long[days];
		simulator.events(account, e -> {
			int d = (int) ChronoUnit.DAYS.between(simulator.firstDay(), e.at().atZone(ZoneOffset.UTC).toLocalDate());
			switch (e.event()) {
				case "Session Ended" -> seconds[d] += e.durationSeconds();
				case "Signed In" -> {
					signIns[d]++;
					activeUsers[d] |= 1L << e.user();
				}
				case "Help Article Viewed" -> help[d]++;
				case "Password Reset Requested" -> resets[d]++;
				case "Ticket Reopened" -> unhelpful[d]++;
				case "CSAT Answered" -> unhelpful[d] += e.rating() <= 2 ? 1 : 0;
				default -> value[d] += e.event().equals("Report Exported") ? 1 : 0;
			}
		});
	}

	/** The measures on the day (window: the 30 days up to it). */
	Map<String, Double> on(LocalDate day) {
		int to = (int) ChronoUnit.DAYS.between(simulator.firstDay(), day);
		int from = Math.max(0, to - 29);
		long active = 0;
		double hours = 0;
		double in = 0;
		double kb = 0;
		double reset = 0;
		double bad = 0;
		double values = 0;
		for (int d = from; d <= to; d++) {
			active |= activeUsers[d];
			hours += seconds[d] / 3600.0;
			in += signIns[d];
			kb += help[d];
			reset += resets[d];
			bad += unhelpful[d];
			values += value[d];
		}
		int users = Long.bitCount(active);
		Map<String, Double> measures = new LinkedHashMap<>();
		measures.put("engagement_per_active_user", users == 0 ? null : hours / users);
		measures.put("active_users_vs_seats", (double) users / account.seats());
		measures.put("sign_ins_per_active_user", users == 0 ? null : in / users);
		measures.put("password_resets", reset);
		measures.put("knowledge_base_use", users == 0 ? null : kb / users);
		measures.put("unhelpful_support", bad);
		measures.put("value_events", values);
		return measures;
	}

	boolean liveOn(LocalDate day) {
		return !day.isBefore(account.startedOn()) && !day.isBefore(simulator.firstDay())
				&& (account.cancelledOn() == null || day.isBefore(account.cancelledOn()));
	}
}

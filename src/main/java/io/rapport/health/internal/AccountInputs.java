package io.rapport.health.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.activity.UsageTotals;

/**
 * Everything the scorecard reads about one account for one day, gathered in bulk by {@link InputLoader}: usage
 * per window length (the window ending on the day, and the one before it), seats, support facts, survey answers
 * and the event names admins marked. A record, so scoring is a pure function of it and tests can build one.
 */
record AccountInputs(long accountId, LocalDate day, Map<Integer, UsageTotals> current,
		Map<Integer, UsageTotals> previous, int seats, Instant renewsAt, long unsolvedAfter7Days, long escalated, List<Csat> csat,
		List<Nps> nps, Set<String> valueEvents, Set<String> coreFeatures) {

	/** A CSAT answer in force: when it was given and its rating (1–5). */
	record Csat(Instant at, int rating) {
	}

	/** An NPS answer in force: the contact, when, and the score (0–10). */
	record Nps(long contactId, Instant at, int score) {
	}

	UsageTotals current(int window) {
		return current.get(window);
	}

	UsageTotals previous(int window) {
		return previous.get(window);
	}

	/** Whether the account sent any usage in this window or the one before: without any, usage measures are missing. */
	boolean hasUsage(int window) {
		return current.get(window) != null || previous.get(window) != null;
	}

	/** Whether this event appears in this window or the one before. */
	boolean hasEvent(int window, String event) {
		UsageTotals now = current.get(window);
		UsageTotals before = previous.get(window);
		return (now != null && now.has(event)) || (before != null && before.has(event));
	}
}

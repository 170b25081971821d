package io.rapport.activity;

import java.util.Map;

/**
 * One account's usage summed over a window of days, from the rollups: per event name the count, the distinct people
 * and the summed {@code durationSeconds}, and the distinct people across all events ({@code activeUsers}). Distinct
 * means over the whole window, not a sum of daily numbers. Facts with no person behind them add no user.
 */
public record UsageTotals(long accountId, long activeUsers, Map<String, EventTotals> events) {

	/** One event's numbers over the window. */
	public record EventTotals(long count, long users, long durationSeconds) {
	}

	public static final EventTotals NONE = new EventTotals(0, 0, 0);

	public EventTotals of(String event) {
		return events.getOrDefault(event, NONE);
	}

	public boolean has(String event) {
		return events.containsKey(event);
	}
}

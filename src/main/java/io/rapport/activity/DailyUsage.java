package io.rapport.activity;

import java.time.LocalDate;

/**
 * One account's use of one event on one day (UTC), from the rollups: how many times, by how many distinct people,
 * and the summed {@code durationSeconds} (engagement time).
 */
public record DailyUsage(LocalDate day, String event, long count, long users, long durationSeconds) {
}

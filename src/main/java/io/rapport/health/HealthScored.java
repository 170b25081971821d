package io.rapport.health;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An account's health was computed for a day: its score (0–100, higher is healthier; null when no measure had
 * data) and band ({@code RED}, {@code YELLOW}, {@code GREEN}), with the previous snapshot's (null for the first).
 * Published for every recomputation that changed the score or the band, so playbooks can react to "fell into red"
 * or "fell by N points".
 */
public record HealthScored(long accountId, LocalDate day, Integer score, String band, Integer previousScore,
		String previousBand, Instant at) {
}

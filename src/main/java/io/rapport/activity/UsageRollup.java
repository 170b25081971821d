package io.rapport.activity;

import java.time.LocalDate;

/**
 * One day of usage already summed, for {@link ActivityApi#loadRollups}: the events of one name that one person
 * (a contact when known, else a tracked user id, else nobody: a fact about the account) did for an account on a
 * UTC day, and their summed engagement time ({@code durationSeconds} of {@code Session Ended}, 0 otherwise).
 */
public record UsageRollup(long accountId, LocalDate day, String event, Long contactId, String userId, long count,
		long durationSeconds) {

	public UsageRollup {
		if (day == null || event == null || event.isBlank() || count < 1 || durationSeconds < 0) {
			throw new IllegalArgumentException("a usage rollup needs a day, a name and a positive count");
		}
	}
}

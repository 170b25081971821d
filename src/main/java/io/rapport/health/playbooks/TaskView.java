package io.rapport.health.playbooks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A success task as stored. {@code status} is {@code OPEN} or {@code DONE}; a snoozed task is open with a later
 * due day ({@code snoozedUntil} says it was put off). {@code valueCheck} tasks ask whether the account has had a
 * value event yet; their pages answer it from the usage rollups at the time of reading.
 */
record TaskView(long id, long accountId, Long assigneeId, String title, String description, boolean valueCheck,
		LocalDate dueOn, String status, LocalDate snoozedUntil, TaskOutcome outcome, String note, Instant completedAt,
		Long completedBy, Long runId, Instant createdAt, int version) {

	static final String OPEN = "OPEN";

	static final String DONE = "DONE";

	boolean open() {
		return OPEN.equals(status);
	}

	boolean overdue(LocalDate today) {
		return open() && dueOn.isBefore(today);
	}
}

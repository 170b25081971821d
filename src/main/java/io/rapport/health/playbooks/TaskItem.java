package io.rapport.health.playbooks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task as the API and the pages show it: with the names of its account and people, whether it is overdue, and
 * for a value-event check ({@code valueCheck}) the first value event the account had, read when asked
 * ({@code firstValueEvent} and {@code firstValueDay}; null while there is none).
 */
public record TaskItem(long id, long accountId, String accountName, Long assigneeId, String assigneeName, String title,
		String description, LocalDate dueOn, String status, boolean overdue, LocalDate snoozedUntil, String outcome,
		String note, Instant completedAt, Long completedById, String completedByName, Long playbookRunId,
		boolean valueCheck, String firstValueEvent, LocalDate firstValueDay) {

	public boolean open() {
		return "open".equals(status);
	}
}

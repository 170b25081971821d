package io.rapport.health.playbooks;

import java.time.Instant;
import java.util.List;

/**
 * A run of a playbook on an account as the runs list and the API show it: {@code status} is {@code RUNNING},
 * {@code DONE} or {@code FAILED}, and each step's outcome names what it made or why it failed.
 */
public record RunView(long id, long playbookId, String playbookName, long accountId, String occurrence,
		Instant triggeredAt, String status, Instant finishedAt, List<StepOutcome> steps) {

	public record StepOutcome(int position, StepKind kind, boolean done, String key, String argument) {
	}
}

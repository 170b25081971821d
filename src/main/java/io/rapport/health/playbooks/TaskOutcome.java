package io.rapport.health.playbooks;

/**
 * How a success manager closes a task: the customer was reached, did not answer, the matter is resolved, it was
 * escalated (to support, to a manager), or the task turned out not to be needed.
 */
enum TaskOutcome {
	REACHED, NO_ANSWER, RESOLVED, ESCALATED, NOT_NEEDED
}

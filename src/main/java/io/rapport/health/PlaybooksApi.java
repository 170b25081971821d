package io.rapport.health;

import java.time.Instant;
import java.util.List;

/**
 * What other modules (the demo, imports) may ask of playbooks and success tasks without going through the pages:
 * run one of the built-in playbooks on an account for a named occurrence, as if its trigger had fired at
 * {@code at}, and complete a task with an outcome. Built-in keys are {@code onboarding}, {@code win-back},
 * {@code red-score} and {@code renewal}.
 */
public interface PlaybooksApi {

	/**
	 * Runs the built-in playbook on the account for this occurrence (once: a second call with the same occurrence
	 * does nothing), whatever its trigger's conditions; answers the ids of the tasks it made.
	 */
	List<Long> runBuiltin(String builtinKey, long accountId, String occurrence, Instant at);

	/**
	 * Completes an open task with an outcome ({@code reached}, {@code no-answer}, {@code resolved},
	 * {@code escalated}, {@code not-needed}) and a note, as the given agent.
	 */
	void completeTask(long taskId, String outcome, String note, long agentId);

	/** How many open tasks assigned to the agent are past their due day. */
	long overdueTasks(long agentId);
}

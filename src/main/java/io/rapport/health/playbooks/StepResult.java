package io.rapport.health.playbooks;

/**
 * What one step of a run did, as a message key of the {@code playbooks} bundle and its one argument: the task
 * made, the mails queued, the ticket opened, or why it could not.
 */
record StepResult(boolean done, String key, String argument) {

	static StepResult done(String key, Object argument) {
		return new StepResult(true, key, argument == null ? null : String.valueOf(argument));
	}

	static StepResult failed(String key, Object argument) {
		return new StepResult(false, key, argument == null ? null : String.valueOf(argument));
	}
}

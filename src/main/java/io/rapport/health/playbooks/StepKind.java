package io.rapport.health.playbooks;

/**
 * What a playbook step does: a task for the account's owner, the same task whose page says whether the account has
 * had a value event yet (the onboarding check), a mail to the account's contacts from a template, or a ticket for
 * the account opened by its owner on a contact's behalf.
 */
enum StepKind {
	TASK, VALUE_CHECK, EMAIL, TICKET;

	boolean task() {
		return this == TASK || this == VALUE_CHECK;
	}
}

package io.rapport.health.playbooks;

import java.util.List;

import io.rapport.accounts.LifecycleStage;

/**
 * A playbook as stored: its trigger with the one parameter the trigger reads, the conditions an account must meet
 * (null: any), and its steps. {@code builtinKey} names the playbooks Rapport ships; admins may edit and pause them.
 */
public record Playbook(long id, String builtinKey, String name, String description, boolean active, Trigger trigger,
		String triggerFlag, String triggerBand, Integer triggerPoints, LifecycleStage triggerStage, Integer triggerDays,
		Conditions conditions, List<Step> steps, int version) {

	/**
	 * What an account must be for the playbook to run: on a plan (any live subscription's, ignoring case), with a
	 * live MRR in minor units within a range, in a lifecycle stage, owned by an agent.
	 */
	public record Conditions(String plan, Long mrrMin, Long mrrMax, LifecycleStage stage, Long ownerId) {

		static final Conditions ANY = new Conditions(null, null, null, null, null);
	}
}

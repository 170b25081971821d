package io.rapport.health.playbooks;

import java.util.List;

import io.rapport.accounts.LifecycleStage;

/** Playbooks with intent for the tests: each is limited to one owner, so runs never reach another test's accounts. */
final class PlaybookScenario {

	private PlaybookScenario() {
	}

	static Playbook onFlag(String name, String flag, long ownerId, Step... steps) {
		return playbook(name, Trigger.FLAG_RAISED, flag, null, null, null, null, ownerId, steps);
	}

	static Playbook playbook(String name, Trigger trigger, String flag, String band, Integer points,
			LifecycleStage stage, Integer days, long ownerId, Step... steps) {
		return new Playbook(0, null, name, null, true, trigger, flag, band, points, stage, days,
				new Playbook.Conditions(null, null, null, null, ownerId), List.of(steps), 0);
	}

	static Playbook withConditions(Playbook p, Playbook.Conditions conditions) {
		return new Playbook(0, null, p.name(), p.description(), true, p.trigger(), p.triggerFlag(), p.triggerBand(),
				p.triggerPoints(), p.triggerStage(), p.triggerDays(), conditions, p.steps(), 0);
	}

	static Step task(String title, int dueDays) {
		return new Step(0, StepKind.TASK, title, "Do " + title, dueDays, null);
	}

	static Step valueCheck(String title, int dueDays) {
		return new Step(0, StepKind.VALUE_CHECK, title, null, dueDays, null);
	}

	static Step mail(String template) {
		return new Step(0, StepKind.EMAIL, "Mail", null, null, template);
	}

	static Step ticket(String subject) {
		return new Step(0, StepKind.TICKET, subject, "Opened by a playbook: " + subject, null, null);
	}
}

package io.rapport.health.playbooks;

import java.time.Instant;

import io.rapport.accounts.LifecycleStage;

/**
 * Something that happened to an account that a playbook may react to, once: {@code key} names this occurrence
 * (the flag's raise time, the renewal date, the answer id, the scored day) so that the same event delivered again
 * finds its run. The other fields are what the trigger kinds compare: the flag raised, the band entered, the
 * points fallen, the stage entered, the days until renewal or since the last sign-in.
 */
record Occurrence(Trigger trigger, long accountId, String key, Instant at, String flag, String band, Integer fallen,
		LifecycleStage stage, Integer days) {

	static Occurrence of(Trigger trigger, long accountId, String key, Instant at) {
		return new Occurrence(trigger, accountId, key, at, null, null, null, null, null);
	}
}

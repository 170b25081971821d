package io.rapport.health.playbooks;

import io.rapport.accounts.AccountStageChanged;
import io.rapport.health.HealthFlagRaised;
import io.rapport.health.HealthScored;
import io.rapport.surveys.NpsAnswered;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events other modules publish into playbook occurrences, each with the key that names it once: a flag
 * by its raise time, a score by the day it was computed for, a stage by the moment it was entered, an NPS answer by
 * its id (a changed score publishes again with the same id, and runs nothing new). Redelivered events find their
 * runs and do nothing.
 */
@Component
class PlaybookTriggers {

	private final PlaybookEngine engine;

	PlaybookTriggers(PlaybookEngine engine) {
		this.engine = engine;
	}

	@ApplicationModuleListener
	void on(HealthFlagRaised event) {
		engine.fire(new Occurrence(Trigger.FLAG_RAISED, event.accountId(),
				"flag:" + event.flag() + ":" + event.at().toEpochMilli(), event.at(), event.flag(), null, null, null,
				null));
	}

	@ApplicationModuleListener
	void on(HealthScored event) {
		if (event.band() != null && !event.band().equals(event.previousBand())) {
			engine.fire(new Occurrence(Trigger.SCORE_BAND, event.accountId(),
					"band:" + event.band() + ":" + event.day(), event.at(), null, event.band(), null, null, null));
		}
		if (event.score() != null && event.previousScore() != null && event.score() < event.previousScore()) {
			engine.fire(new Occurrence(Trigger.SCORE_DROP, event.accountId(), "drop:" + event.day(), event.at(), null,
					event.band(), event.previousScore() - event.score(), null, null));
		}
	}

	@ApplicationModuleListener
	void on(AccountStageChanged event) {
		if (event.from() == null) {
			engine.fire(Occurrence.of(Trigger.NEW_ACCOUNT, event.accountId(), "new", event.at()));
		}
		engine.fire(new Occurrence(Trigger.STAGE_ENTERED, event.accountId(),
				"stage:" + event.to() + ":" + event.at().toEpochMilli(), event.at(), null, null, null, event.to(),
				null));
	}

	@ApplicationModuleListener
	void on(NpsAnswered event) {
		if (event.detractor() && event.accountId() != null) {
			engine.fire(Occurrence.of(Trigger.NPS_DETRACTOR, event.accountId(), "nps:" + event.answerId(),
					event.at()));
		}
	}
}

package io.rapport.health.playbooks;

import java.util.ArrayList;
import java.util.List;

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
		fire(occurrencesOf(event));
	}

	@ApplicationModuleListener
	void on(HealthScored event) {
		fire(occurrencesOf(event));
	}

	@ApplicationModuleListener
	void on(AccountStageChanged event) {
		fire(occurrencesOf(event));
	}

	@ApplicationModuleListener
	void on(NpsAnswered event) {
		fire(occurrencesOf(event));
	}

	private void fire(List<Occurrence> occurrences) {
		occurrences.forEach(engine::fire);
	}

	/** What an event is to playbooks: none, one or (a score that falls into another band) two occurrences. */
	static List<Occurrence> occurrencesOf(Object event) {
		List<Occurrence> found = new ArrayList<>();
		if (event instanceof HealthFlagRaised e) {
			String key = "flag:" + e.flag() + ":" + e.at().toEpochMilli();
			found.add(new Occurrence(Trigger.FLAG_RAISED, e.accountId(), key, e.at(), e.flag(), null, null, null,
					null));
		}
		else if (event instanceof HealthScored e) {
			if (e.band() != null && !e.band().equals(e.previousBand())) {
				found.add(new Occurrence(Trigger.SCORE_BAND, e.accountId(), "band:" + e.band() + ":" + e.day(), e.at(),
						null, e.band(), null, null, null));
			}
			if (e.score() != null && e.previousScore() != null && e.score() < e.previousScore()) {
				found.add(new Occurrence(Trigger.SCORE_DROP, e.accountId(), "drop:" + e.day(), e.at(), null, e.band(),
						e.previousScore() - e.score(), null, null));
			}
		}
		else if (event instanceof AccountStageChanged e) {
			// A new account's own playbooks wait for PlaybookJobs.newAccounts: its contacts and owner come after it
			found.add(new Occurrence(Trigger.STAGE_ENTERED, e.accountId(),
					"stage:" + e.to() + ":" + e.at().toEpochMilli(), e.at(), null, null, null, e.to(), null));
		}
		else if (event instanceof NpsAnswered e && e.detractor() && e.accountId() != null) {
			found.add(Occurrence.of(Trigger.NPS_DETRACTOR, e.accountId(), "nps:" + e.answerId(), e.at()));
		}
		return found;
	}
}

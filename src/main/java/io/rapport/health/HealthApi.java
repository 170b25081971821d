package io.rapport.health;

import java.time.LocalDate;
import java.util.List;

import io.rapport.health.internal.HealthScoring;

import org.springframework.stereotype.Service;

/**
 * What other modules (the demo, later analytics) may ask of customer health: recompute snapshots. Scores are read
 * through the API and pages; events ({@link HealthScored}, {@link HealthFlagRaised}, {@link HealthFlagCleared})
 * tell what changed.
 */
@Service
public class HealthApi {

	private final HealthScoring scoring;

	HealthApi(HealthScoring scoring) {
		this.scoring = scoring;
	}

	/** Recomputes every account's snapshots of these days, oldest first; answers how many accounts were scored per day. */
	public List<Integer> recompute(List<LocalDate> days) {
		return scoring.recompute(days).stream().map(HealthScoring.Result::scored).toList();
	}
}

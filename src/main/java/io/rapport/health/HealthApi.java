package io.rapport.health;

import java.time.LocalDate;
import java.util.List;

import io.rapport.health.internal.HealthScoring;
import io.rapport.health.internal.model.ChurnModel;
import io.rapport.health.internal.model.ChurnModelTraining;

import org.springframework.stereotype.Service;

/**
 * What other modules (the demo, later analytics) may ask of customer health: recompute snapshots, train the churn model. Scores are read
 * through the API and pages; events ({@link HealthScored}, {@link HealthFlagRaised}, {@link HealthFlagCleared})
 * tell what changed.
 */
@Service
public class HealthApi {

	private final HealthScoring scoring;

	private final ChurnModelTraining churn;

	HealthApi(HealthScoring scoring, ChurnModelTraining churn) {
		this.scoring = scoring;
		this.churn = churn;
	}

	/** Recomputes every account's snapshots of these days, oldest first; answers how many accounts were scored per day. */
	public List<Integer> recompute(List<LocalDate> days) {
		return scoring.recompute(days).stream().map(HealthScoring.Result::scored).toList();
	}

	/**
	 * Trains the churn model on the snapshots kept so far, as the nightly job does; answers whether a model is now in
	 * use (false: too little history, and the admin page says why).
	 */
	public boolean trainChurnModel() {
		return churn.train().status() == ChurnModel.Status.TRAINED;
	}
}

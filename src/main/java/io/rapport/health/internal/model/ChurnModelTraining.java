package io.rapport.health.internal.model;

import java.time.Clock;

import io.rapport.accounts.SubscriptionsApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One training run: the churned accounts from the subscriptions' facade, the measure values the scorer stored, the
 * trainer, and the run stored whatever it ended with (a model, or the reason there is none yet).
 */
@Service
public class ChurnModelTraining {

	private static final Logger log = LoggerFactory.getLogger(ChurnModelTraining.class);

	private final SubscriptionsApi subscriptions;

	private final StoredMeasures measures;

	private final ChurnModels models;

	private final ChurnTrainer trainer;

	private final Clock clock;

	ChurnModelTraining(SubscriptionsApi subscriptions, StoredMeasures measures, ChurnModels models, Clock clock,
			@Value("${rapport.health.churn.minimum-cancelled:30}") int minimumCancelled,
			@Value("${rapport.health.churn.flagged-share:0.10}") double flaggedShare) {
		this.subscriptions = subscriptions;
		this.measures = measures;
		this.models = models;
		this.clock = clock;
		ChurnTrainer.Settings defaults = ChurnTrainer.Settings.defaults();
		this.trainer = new ChurnTrainer(new ChurnTrainer.Settings(minimumCancelled, defaults.horizonDays(),
				defaults.cutoffEveryDays(), defaults.trainingCutoffs(), flaggedShare, defaults.penalty()));
	}

	@Transactional
	public ChurnModel train() {
		long start = System.nanoTime();
		ChurnModel run = trainer.train(measures, subscriptions.churnedAccounts(), clock.instant());
		long id = models.save(run);
		log.info("Churn model run {}: {} ({} cancelled accounts, {} training rows, {} validation rows, ROC-AUC {}) "
				+ "in {} ms", id, run.status(), run.cancelledAccounts(), run.trainingRows(), run.validationRows(),
				run.rocAuc(), (System.nanoTime() - start) / 1_000_000);
		return models.latest().orElse(run);
	}
}

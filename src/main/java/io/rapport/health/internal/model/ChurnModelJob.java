package io.rapport.health.internal.model;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retrains the churn model every night, after the nightly scoring has stored the day's measure values (the
 * scorer runs earlier in the night; the default here is 04:30 UTC). One node trains (ShedLock "churn-model");
 * tests call {@link #run()}.
 */
@Component
class ChurnModelJob {

	private final ChurnModelTraining training;

	ChurnModelJob(ChurnModelTraining training) {
		this.training = training;
	}

	@Scheduled(cron = "${rapport.health.churn.cron:0 30 4 * * *}", zone = "UTC")
	@SchedulerLock(name = "churn-model")
	void run() {
		training.train();
	}
}

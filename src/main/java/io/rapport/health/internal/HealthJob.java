package io.rapport.health.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly (02:30 UTC, on one node under the {@code health-recompute} lock): today's snapshot of every account, its
 * flags, then the stage rules. Idempotent: running it twice on a day replaces the day's snapshot and raises nothing
 * twice. {@link #run()} is one run, for tests.
 */
@Component
class HealthJob {

	private static final Logger log = LoggerFactory.getLogger(HealthJob.class);

	private final HealthScoring scoring;

	private final StageRules stages;

	private final Clock clock;

	HealthJob(HealthScoring scoring, StageRules stages, Clock clock) {
		this.scoring = scoring;
		this.stages = stages;
		this.clock = clock;
	}

	@Scheduled(cron = "${rapport.health.cron:0 30 2 * * *}", zone = "UTC")
	@SchedulerLock(name = "health-recompute")
	public void nightly() {
		run();
	}

	HealthScoring.Result run() {
		long start = System.nanoTime();
		HealthScoring.Result result = scoring.recompute(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		int moved = stages.run();
		log.info("Health: {} accounts scored for {} ({} changed, {} flags raised, {} cleared), {} stages moved in {} ms",
				result.scored(), result.day(), result.changed(), result.flagsRaised(), result.flagsCleared(), moved,
				(System.nanoTime() - start) / 1_000_000);
		return result;
	}
}

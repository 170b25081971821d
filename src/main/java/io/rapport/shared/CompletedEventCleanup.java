package io.rapport.shared;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes event publications completed more than a week ago, once an hour: the registry keeps a row per event
 * and listener, and completed rows are only history (incomplete ones are never touched: they are what a restart
 * delivers again).
 */
@Component
public class CompletedEventCleanup {

	static final Duration KEEP = Duration.ofDays(7);

	private final CompletedEventPublications completed;

	CompletedEventCleanup(CompletedEventPublications completed) {
		this.completed = completed;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@SchedulerLock(name = "completed-event-cleanup")
	public void deleteOld() {
		completed.deletePublicationsOlderThan(KEEP);
	}
}

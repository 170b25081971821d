package io.rapport.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again, while the process runs, the events whose listener failed (a lock timeout, a deadlock, a
 * database that was restarting): without this, the registry would keep them until the next restart. A
 * publication is marked failed by its listener's exception, or by the registry's staleness check when it stayed
 * unprocessed too long (a node that died mid-listener; {@code spring.modulith.events.staleness.*}). Each is
 * resubmitted with a backoff that doubles with its attempts, from one minute up to an hour, and never given up:
 * listeners are idempotent, so a late delivery is always safe.
 */
@Component
public class EventRedelivery {

	static final Duration FIRST_WAIT = Duration.ofMinutes(1);

	static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private final IncompleteEventPublications incomplete;

	private final Clock clock;

	EventRedelivery(IncompleteEventPublications incomplete, Clock clock) {
		this.incomplete = incomplete;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	@SchedulerLock(name = "event-redelivery")
	public void run() {
		Instant now = clock.instant();
		// The registry stamps publications with this same Clock, so the backoff is measured in one time.
		incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
			.withMinAge(Duration.ZERO)
			.withBatchSize(200)
			.withFilter(publication -> due(publication, now)));
	}

	/** A failed publication whose wait (1, 2, 4 … 60 minutes after its last try) has passed. */
	static boolean due(EventPublication publication, Instant now) {
		if (publication.getStatus() != EventPublication.Status.FAILED) {
			return false;
		}
		int attempts = Math.max(1, publication.getCompletionAttempts());
		Duration wait = attempts > 6 ? LONGEST_WAIT : FIRST_WAIT.multipliedBy(1L << (attempts - 1));
		Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		return !last.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait).isAfter(now);
	}
}

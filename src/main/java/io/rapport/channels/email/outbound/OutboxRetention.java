package io.rapport.channels.email.outbound;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox from growing for ever: every row holds a whole rendered mail, so sent mail older than
 * {@code rapport.mail.outbox.keep-sent} (90 days by default) is deleted, in batches, by one node at a time.
 * Failed and bounced mail is kept until an administrator retries it (after which it is sent, and ages like any
 * sent mail). The thread itself survives: the Message-IDs of a ticket's mail stay in {@code email_messages}.
 */
@Component
class OutboxRetention {

	static final int BATCH = 1000;

	private final Outbox outbox;

	private final Clock clock;

	private final Duration keepSent;

	OutboxRetention(Outbox outbox, Clock clock, @Value("${rapport.mail.outbox.keep-sent:P90D}") Duration keepSent) {
		if (keepSent.isNegative() || keepSent.isZero()) {
			throw new IllegalArgumentException("rapport.mail.outbox.keep-sent must be a positive duration");
		}
		this.outbox = outbox;
		this.clock = clock;
		this.keepSent = keepSent;
	}

	/** The scheduled run, under the job lock. */
	@Scheduled(fixedDelayString = "${rapport.mail.outbox.prune-every:PT1H}", initialDelayString = "PT10M")
	@SchedulerLock(name = "mail-outbox-retention")
	public void run() {
		prune();
	}

	/** Deletes the sent mail older than the retention period; answers how many rows went. */
	int prune() {
		int deleted = 0;
		int batch;
		do {
			batch = outbox.deleteSentBefore(clock.instant().minus(keepSent), BATCH);
			deleted += batch;
		}
		while (batch == BATCH);
		return deleted;
	}
}

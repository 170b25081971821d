package io.rapport.channels.email.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Processes mail that was stored but not processed: the process died between storing and processing (a kill -9,
 * a deploy), or a try failed and the mail waits for the next. This is what makes a crash lose nothing: the raw
 * mail committed first, and this job finishes what was begun. A mail still being processed is skipped (its row
 * is locked); after three failed tries a mail is set aside as failed.
 */
@Component
public class InboundRetryJob {

	/** A row younger than this is left alone: its first processing is most likely still running. */
	static final Duration GRACE = Duration.ofMinutes(1);

	static final int BATCH = 100;

	private final InboundMails mails;

	private final InboundPipeline pipeline;

	private final Clock clock;

	InboundRetryJob(InboundMails mails, InboundPipeline pipeline, Clock clock) {
		this.mails = mails;
		this.pipeline = pipeline;
		this.clock = clock;
	}

	/** The scheduled run, under the job lock (ShedLock locks only methods that return nothing). */
	@Scheduled(fixedDelayString = "${rapport.mail.inbound.retry-every:PT1M}", initialDelayString = "PT30S")
	@SchedulerLock(name = "inbound-mail-retry")
	public void run() {
		retryPending();
	}

	/** One run: answers how many mails it processed (or tried to). */
	public int retryPending() {
		List<Long> due = mails.pending(clock.instant().minus(GRACE), BATCH);
		int done = 0;
		for (long id : due) {
			if (pipeline.process(id, false, true).isPresent()) {
				done++;
			}
		}
		return done;
	}
}

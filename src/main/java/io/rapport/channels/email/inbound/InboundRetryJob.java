package io.rapport.channels.email.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Processes mail that was stored but not processed: a try failed (the pipeline then stores the raw mail with the
 * try counted) and the mail waits for the next, or a row was left at RECEIVED by an earlier version, which
 * committed the raw mail before processing it. A mail still being processed is skipped (its row is locked); after
 * three failed tries a mail is set aside as failed. (A crash in the pipeline's own transaction leaves no row: the
 * mail's source still has it and delivers it again.)
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

package io.rapport.channels.email.inbound;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the senders of a mailbox not seen for a day. Their rows exist only to be locked while the flood rule
 * counts a sender's mail of the last {@link MailProcessor#FLOOD_WINDOW}, so without this the table would keep
 * every address that ever wrote in. A sender who writes again gets a new row; one whose row is locked right now
 * was seen just now and is kept.
 */
@Component
class InboundSenderRetention {

	static final Duration KEEP = Duration.ofDays(1);

	private final InboundMails mails;

	private final Clock clock;

	InboundSenderRetention(InboundMails mails, Clock clock) {
		this.mails = mails;
		this.clock = clock;
	}

	/** The scheduled run, under the job lock. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT15M")
	@SchedulerLock(name = "inbound-sender-retention")
	public void run() {
		prune();
	}

	/** Deletes the senders last seen before a day ago; answers how many. */
	int prune() {
		return mails.forgetSendersSeenBefore(clock.instant().minus(KEEP));
	}
}

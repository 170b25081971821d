package io.rapport.surveys.csat;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a minute, opens the surveys that are due: mails them (through the outbox) or offers them in the portal.
 * One node at a time (ShedLock, which also guards a direct call: it returns nothing, as a skipped call answers
 * nothing); each survey is locked and checked again, so a run after a crash sends none twice.
 */
@Component
public class CsatSendJob {

	private final CsatSending surveys;

	CsatSendJob(CsatSending surveys) {
		this.surveys = surveys;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	@SchedulerLock(name = "csat-send")
	public void run() {
		surveys.sendDue();
	}
}

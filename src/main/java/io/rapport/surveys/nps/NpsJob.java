package io.rapport.surveys.nps;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every five minutes, sends the campaigns that are due, under a database lock so one node sends. A run that died
 * is redone whole at the next tick (each campaign's run is one transaction), and one that committed has moved the
 * campaign's next run date, so it is never sent twice.
 */
@Component
class NpsJob {

	private final NpsSending sending;

	private final Clock clock;

	NpsJob(NpsSending sending, Clock clock) {
		this.sending = sending;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT2M")
	@SchedulerLock(name = "nps-send")
	public void run() { // nothing returned: a run that did not get the lock returns no value
		sending.sendDue(clock.instant());
	}
}

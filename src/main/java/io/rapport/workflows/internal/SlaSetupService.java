package io.rapport.workflows.internal;

import java.time.Instant;

import io.rapport.workflows.SlaSetup;
import io.rapport.workflows.internal.SlaPolicy.EscalateAt;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link SlaSetup} over the same stores and timers the pages and listeners use. */
@Service
class SlaSetupService implements SlaSetup {

	private final PolicyStore policies;

	private final CalendarStore calendars;

	private final SlaTimers timers;

	SlaSetupService(PolicyStore policies, CalendarStore calendars, SlaTimers timers) {
		this.policies = policies;
		this.calendars = calendars;
		this.timers = timers;
	}

	@Override
	@Transactional
	public long createPolicy(NewSlaPolicy p) {
		long calendar = p.calendarId() != null ? p.calendarId() : calendars.defaultId();
		return policies.save(new SlaPolicy(0, p.name(), 0, p.priority(), p.type(), p.groupKey(), p.accountId(),
				calendar, p.firstReplyMinutes(), p.nextReplyMinutes(), p.resolutionMinutes(), p.warnFirstPct(),
				p.warnSecondPct(), EscalateAt.BREACH, p.raisePriorityAtBreach(), p.moveToGroupAtBreach()));
	}

	@Override
	public void startTargets(long ticketId, Instant startedAt) {
		timers.reevaluate(ticketId, startedAt);
	}
}

package io.rapport.workflows.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.rapport.workflows.BusinessCalendar;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A ticket's targets with the business time left at the clock's now. Callers check who may read the ticket. */
@Component
class SlaReads {

	private final TargetStore targets;

	private final CalendarStore calendars;

	private final Clock clock;

	SlaReads(TargetStore targets, CalendarStore calendars, Clock clock) {
		this.targets = targets;
		this.calendars = calendars;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<SlaTargetView> of(long ticketId) {
		Instant now = clock.instant();
		var byId = calendars.byId();
		return targets.ofTicket(ticketId).stream().map(t -> view(t, byId.getOrDefault(t.calendarId(),
				BusinessCalendar.always()), now)).toList();
	}

	static SlaTargetView view(SlaTarget t, BusinessCalendar calendar, Instant now) {
		if (t.ended()) {
			return new SlaTargetView(t.id(), t.kind().name(), t.policyId(), t.policyName(), t.outcome(),
					t.targetMinutes(), t.startedAt(), t.dueAt(), t.endedAt(), null, null, t.warnedFirst(),
					t.warnedSecond());
		}
		Duration left = t.left(calendar, now);
		int used = t.percentUsed(calendar, now);
		String state = t.paused() ? "PAUSED" : left.isNegative() || left.isZero() ? SlaTarget.BREACHED
				: used >= t.warnFirstPct() ? "WARNING" : "OK";
		return new SlaTargetView(t.id(), t.kind().name(), t.policyId(), t.policyName(), state, t.targetMinutes(),
				t.startedAt(), t.dueAt(), null, left.getSeconds(), used, t.warnedFirst(), t.warnedSecond());
	}
}

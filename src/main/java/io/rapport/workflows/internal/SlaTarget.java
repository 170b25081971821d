package io.rapport.workflows.internal;

import java.time.Duration;
import java.time.Instant;

import io.rapport.tickets.TicketPriority;
import io.rapport.workflows.BusinessCalendar;

/**
 * One target of a ticket as stored. It runs while {@code runningSince} is set; {@code consumedSeconds} is the
 * business time used before that (the resolution clock pauses while the ticket waits on the customer). It ends
 * once, with an {@code outcome}: MET, BREACHED, or CANCELLED (no policy applies any more; not counted).
 */
record SlaTarget(long id, long ticketId, long policyId, String policyName, TargetKind kind, long calendarId,
		int targetMinutes, int warnFirstPct, int warnSecondPct, TicketPriority priority, String groupKey,
		Long accountId, Instant startedAt, Instant runningSince, long consumedSeconds, Instant dueAt,
		Instant warnFirstAt, Instant warnSecondAt, boolean warnedFirst, boolean warnedSecond, String outcome,
		Instant endedAt) {

	static final String MET = "MET";

	static final String BREACHED = "BREACHED";

	static final String CANCELLED = "CANCELLED";

	boolean ended() {
		return outcome != null;
	}

	boolean paused() {
		return !ended() && runningSince == null;
	}

	/** The business time left at {@code now} (negative once overdue), counted in its calendar. */
	Duration left(BusinessCalendar calendar, Instant now) {
		Duration total = Duration.ofMinutes(targetMinutes).minusSeconds(consumedSeconds);
		if (runningSince == null) {
			return total;
		}
		Duration used = calendar.between(runningSince, now);
		return total.minus(used);
	}

	/** The share of the target used at {@code now}, 0-100 and more once overdue. */
	int percentUsed(BusinessCalendar calendar, Instant now) {
		long total = targetMinutes * 60L;
		long left = left(calendar, now).getSeconds();
		return (int) Math.max(0, (total - left) * 100 / total);
	}
}

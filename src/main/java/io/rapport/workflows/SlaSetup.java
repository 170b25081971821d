package io.rapport.workflows;

import java.time.Instant;

import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketType;

/**
 * SLA policies and targets for code that sets Rapport up (the demo, an import): what admins do on
 * {@code /admin/sla}, and the targets of a ticket that arrived without events (an imported ticket).
 */
public interface SlaSetup {

	/** Creates a policy, placed after the others; the checks are the admin page's. Answers its id. */
	long createPolicy(NewSlaPolicy policy);

	/**
	 * Starts the targets the policies give an existing unsolved ticket (first reply when it has none yet, and
	 * resolution), counted from {@code startedAt}; a ticket that has targets keeps them.
	 */
	void startTargets(long ticketId, Instant startedAt);

	/**
	 * A policy: conditions (priority required), targets in business minutes (null: none), the calendar (null: the
	 * default one), warnings in percent, and what to do at the breach besides notifying.
	 */
	record NewSlaPolicy(String name, TicketPriority priority, TicketType type, String groupKey, Long accountId,
			Long calendarId, Integer firstReplyMinutes, Integer nextReplyMinutes, Integer resolutionMinutes,
			int warnFirstPct, int warnSecondPct, boolean raisePriorityAtBreach, String moveToGroupAtBreach) {
	}
}

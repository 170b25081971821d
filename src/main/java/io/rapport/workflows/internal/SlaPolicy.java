package io.rapport.workflows.internal;

import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketType;

/**
 * One SLA policy: the tickets it applies to (a priority, optionally a type, a group and an account), its targets
 * in business minutes (null: no such target), the calendar they count in, when to warn, and what to do at the
 * chosen moment ({@code escalateAt}: the second warning or the breach) besides notifying: raise the priority one
 * step, move the ticket to a group.
 */
record SlaPolicy(long id, String name, int position, TicketPriority priority, TicketType type, String groupKey,
		Long accountId, long calendarId, Integer firstReplyMinutes, Integer nextReplyMinutes,
		Integer resolutionMinutes, int warnFirstPct, int warnSecondPct, EscalateAt escalateAt, boolean raisePriority,
		String moveToGroup) {

	enum EscalateAt {
		WARNING, BREACH
	}

	boolean matches(TicketPriority priority, TicketType type, String groupKey, Long accountId) {
		return this.priority == priority && (this.type == null || this.type == type)
				&& (this.groupKey == null || this.groupKey.equals(groupKey))
				&& (this.accountId == null || this.accountId.equals(accountId));
	}

	Integer minutes(TargetKind kind) {
		return switch (kind) {
			case FIRST_REPLY -> firstReplyMinutes;
			case NEXT_REPLY -> nextReplyMinutes;
			case RESOLUTION -> resolutionMinutes;
		};
	}

	/** How the history and notifications name it: "SLA policy Urgent". */
	String actorLabel() {
		return "SLA: " + name;
	}

	boolean hasActions() {
		return raisePriority || moveToGroup != null;
	}
}

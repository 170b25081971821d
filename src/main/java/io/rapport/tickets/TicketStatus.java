package io.rapport.tickets;

import java.util.EnumSet;
import java.util.Set;

public enum TicketStatus {
	NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

	/** Statuses of a ticket that still needs something from the support team or the customer. */
	public static final Set<TicketStatus> UNSOLVED = EnumSet.of(NEW, OPEN, PENDING, ON_HOLD);

	public static final Set<TicketStatus> DONE = EnumSet.of(SOLVED, CLOSED);

	public boolean isUnsolved() {
		return UNSOLVED.contains(this);
	}
}

package io.rapport.tickets.internal;

import io.rapport.shared.ConflictException;

/** Someone else's change to the same ticket was stored between our read and our write. */
class ConcurrentTicketChange extends ConflictException {

	private ConcurrentTicketChange(String message) {
		super(message);
	}

	static ConcurrentTicketChange on(Ticket ticket) {
		return new ConcurrentTicketChange("Ticket " + ticket.getNumber()
				+ " was changed by someone else at the same moment. Reload it and try again.");
	}
}

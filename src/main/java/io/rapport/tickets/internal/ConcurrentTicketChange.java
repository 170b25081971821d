package io.rapport.tickets.internal;

import io.rapport.shared.ConflictException;

/** Someone else's change to the same ticket was stored between our read and our write. */
class ConcurrentTicketChange extends ConflictException {

	private ConcurrentTicketChange(long number) {
		super("errors.ticket.changed-concurrently", new Object[] { number });
	}

	static ConcurrentTicketChange on(Ticket ticket) {
		return new ConcurrentTicketChange(ticket.getNumber());
	}
}

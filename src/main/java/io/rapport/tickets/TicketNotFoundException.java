package io.rapport.tickets;

import io.rapport.shared.NotFoundException;

public class TicketNotFoundException extends NotFoundException {

	private TicketNotFoundException(String code, Object... args) {
		super(code, args);
	}

	public static TicketNotFoundException forId(long id) {
		return new TicketNotFoundException("errors.ticket.not-found", id);
	}

	public static TicketNotFoundException forAttachment(long id) {
		return new TicketNotFoundException("errors.ticket.attachment-not-found", id);
	}
}

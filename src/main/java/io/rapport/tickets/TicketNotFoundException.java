package io.rapport.tickets;

import io.rapport.shared.NotFoundException;

public class TicketNotFoundException extends NotFoundException {

	private TicketNotFoundException(String message) {
		super(message);
	}

	public static TicketNotFoundException forId(long id) {
		return new TicketNotFoundException("There is no ticket " + id + ".");
	}

	public static TicketNotFoundException forAttachment(long id) {
		return new TicketNotFoundException("There is no attachment " + id + ".");
	}
}

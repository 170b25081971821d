package io.rapport.portal;

import io.rapport.tickets.TicketStatus;

/**
 * A ticket's status as the customer needs to know it: whose move it is. New, open and on-hold tickets wait for the
 * support team; pending ones wait for the customer's answer.
 */
enum CustomerStatus {

	WAITING_FOR_US("waiting-us"), WAITING_FOR_YOU("waiting-you"), SOLVED("solved");

	private final String css;

	CustomerStatus(String css) {
		this.css = css;
	}

	static CustomerStatus of(TicketStatus status) {
		return switch (status) {
			case NEW, OPEN, ON_HOLD -> WAITING_FOR_US;
			case PENDING -> WAITING_FOR_YOU;
			case SOLVED, CLOSED -> SOLVED;
		};
	}

	public String messageKey() {
		return "portal.status." + css;
	}

	public String css() {
		return "status status-" + css;
	}
}

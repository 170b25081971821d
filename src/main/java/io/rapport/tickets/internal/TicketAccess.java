package io.rapport.tickets.internal;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketNotFoundException;

import org.springframework.stereotype.Component;

/**
 * The one place that decides who may see a ticket, for pages and API alike. Agents see every ticket; a customer
 * sees only the tickets they requested, and anything else answers as if it did not exist.
 */
@Component
public class TicketAccess {

	private final Tickets tickets;

	TicketAccess(Tickets tickets) {
		this.tickets = tickets;
	}

	Ticket readable(long ticketId, AuthenticatedUser user) {
		Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> TicketNotFoundException.forId(ticketId));
		if (!maySee(ticket, user)) {
			throw TicketNotFoundException.forId(ticketId);
		}
		return ticket;
	}

	/** The same check, on the ticket locked for adding a message ({@link Tickets#findLockedById}). */
	Ticket lockedForMessage(long ticketId, AuthenticatedUser user) {
		Ticket ticket = tickets.findLockedById(ticketId).orElseThrow(() -> TicketNotFoundException.forId(ticketId));
		if (!maySee(ticket, user)) {
			throw TicketNotFoundException.forId(ticketId);
		}
		return ticket;
	}

	/** Fields, escalations, notes and history are the support team's: customers get a 404. */
	Ticket forAgents(long ticketId, AuthenticatedUser user) {
		if (!user.isAgent()) {
			throw TicketNotFoundException.forId(ticketId);
		}
		return readable(ticketId, user);
	}

	public boolean maySee(Ticket ticket, AuthenticatedUser user) {
		return user.isAgent() || (user.isContact() && ticket.getRequesterId() == user.id());
	}

	/** A customer's list is always narrowed to their own tickets, whatever filter they sent. */
	TicketFilter scope(TicketFilter filter, AuthenticatedUser user) {
		return user.isAgent() ? filter : filter.withRequester(user.id());
	}
}

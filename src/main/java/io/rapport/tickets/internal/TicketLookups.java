package io.rapport.tickets.internal;

import java.util.Optional;

import io.rapport.tickets.TicketLookup;
import io.rapport.tickets.TicketView;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class TicketLookups implements TicketLookup {

	private final Tickets tickets;

	private final TicketViews views;

	TicketLookups(Tickets tickets, TicketViews views) {
		this.tickets = tickets;
		this.views = views;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TicketView> find(long id) {
		return tickets.findById(id).map(views::view);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TicketHeader> header(long id) {
		return tickets.findById(id).map(ticket -> new TicketHeader(ticket.getId(), ticket.getNumber(),
				ticket.getSubject(), ticket.getAssigneeId(), ticket.getRequesterId()));
	}
}

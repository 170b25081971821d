package io.rapport.portal;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.SafeHtml;
import io.rapport.tickets.Channel;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Upload;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits a request from the portal. A ticket's description carries no files, so files chosen on the form go on a
 * second message; both happen in one transaction, so a rejected file leaves no half-submitted request behind and
 * the form can show why. The description is what the customer typed, so it is kept as text: code they paste
 * ({@code <div id="widget">}) shows as written rather than being read as markup.
 */
@Service
class Requests {

	private final TicketsApi tickets;

	Requests(TicketsApi tickets) {
		this.tickets = tickets;
	}

	@Transactional
	TicketView submit(TicketForm form, List<Upload> uploads, String filesNote, AuthenticatedUser by) {
		TicketView ticket = tickets.create(new NewTicket(form.subject(), SafeHtml.fromText(form.description()), null,
				form.type(), null, Channel.PORTAL, null), by);
		if (!uploads.isEmpty()) {
			tickets.addMessage(ticket.id(), new NewMessage(filesNote, null, NewMessage.BodyFormat.TEXT), uploads, by);
		}
		return ticket;
	}
}

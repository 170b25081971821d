package io.rapport.portal;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.SafeHtml;
import io.rapport.tickets.Channel;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Upload;

import org.springframework.stereotype.Service;

/**
 * Submits a request from the portal: the ticket and its description with the files chosen on the form, in one
 * message and one transaction, so a rejected file leaves no half-submitted request behind and the form can show
 * why. The description is what the customer typed, so it is kept as text: code they paste
 * ({@code <div id="widget">}) shows as written rather than being read as markup.
 */
@Service
class Requests {

	private final TicketsApi tickets;

	Requests(TicketsApi tickets) {
		this.tickets = tickets;
	}

	TicketView submit(TicketForm form, List<Upload> uploads, AuthenticatedUser by) {
		return tickets.create(new NewTicket(form.subject(), SafeHtml.fromText(form.description()), null, form.type(),
				null, Channel.PORTAL, null), uploads, by);
	}
}

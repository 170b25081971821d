package io.rapport.tickets.internal;

import java.util.List;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.Channel;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Upload;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket opened through the API or a page. A customer is always its requester and what they send is a request,
 * not a triage decision: their priority and tags are ignored (the team sets them), and of the types only those the
 * portal offers are kept ({@link #CUSTOMER_TYPES}). An agent opening a ticket for a customer writes the description
 * on the customer's behalf.
 */
@Component
class TicketCreation {

	static final List<TicketType> CUSTOMER_TYPES = List.of(TicketType.QUESTION, TicketType.INCIDENT,
			TicketType.BILLING, TicketType.FEATURE_REQUEST, TicketType.COMPLAINT);

	private final TicketOpening opening;

	private final TicketAttachments files;

	private final TicketViews views;

	private final AccountsApi accounts;

	TicketCreation(TicketOpening opening, TicketAttachments files, TicketViews views, AccountsApi accounts) {
		this.opening = opening;
		this.files = files;
		this.views = views;
		this.accounts = accounts;
	}

	@Transactional
	TicketView create(NewTicket command, List<Upload> uploads, AuthenticatedUser by) {
		files.check(uploads);
		ContactView requester = requester(command, by);
		String body = Bodies.html(command.description(), null, "description");
		TicketOpening.Request request = by.isContact()
				? new TicketOpening.Request(command.subject(), body,
						command.type() != null && CUSTOMER_TYPES.contains(command.type()) ? command.type() : null, null,
						command.channel() == Channel.PORTAL ? Channel.PORTAL : Channel.API, List.of(), uploads, null,
						null)
				: new TicketOpening.Request(command.subject(), body, command.type(), command.priority(),
						command.channel() == null ? Channel.API : command.channel(), command.tags(), uploads, null, null);
		TicketOpening.Opened opened = opening.open(request, requester, by.isAgent() ? by.id() : null);
		return views.view(opened.ticket(), requester, List.of());
	}

	private ContactView requester(NewTicket command, AuthenticatedUser by) {
		if (by.isContact()) {
			return accounts.contact(by.id()).orElseThrow(() -> InvalidInputException.of("requester",
					"errors.ticket.contact-missing"));
		}
		if (command.requester() == null) {
			throw InvalidInputException.of("requester", "errors.ticket.requester-required");
		}
		return accounts.findOrCreateContact(command.requester().email(), command.requester().name());
	}
}

package io.rapport.tickets.internal;

import java.util.List;

import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.tickets.EscalationView;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketSort;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The customer beside a ticket, as agents of Zendesk and Zammad expect it: who asks and for which account, their
 * other recent tickets, the first-response time once answered, and the latest escalation (why this group has
 * it), shown at the top of the conversation.
 */
@Component
class TicketContext {

	static final int RECENT = 5;

	private final TicketsApi tickets;

	private final AccountsApi accounts;

	TicketContext(TicketsApi tickets, AccountsApi accounts) {
		this.tickets = tickets;
		this.accounts = accounts;
	}

	void fill(Model model, TicketView ticket, AuthenticatedUser user) {
		model.addAttribute("contact", accounts.contact(ticket.requester().id()).orElse(null));
		model.addAttribute("requesterTickets", others(ticket, TicketFilter.any().withRequester(ticket.requester().id()), user));
		model.addAttribute("accountTickets", ticket.accountId() == null ? List.of()
				: others(ticket, TicketFilter.any().withAccount(ticket.accountId()), user));
		model.addAttribute("latestEscalation", latest(ticket.escalations()));
	}

	private List<TicketView> others(TicketView ticket, TicketFilter filter, AuthenticatedUser user) {
		return tickets.list(filter, TicketSort.newestChange(), 0, RECENT + 1, user).items().stream()
			.filter(other -> other.id() != ticket.id()).limit(RECENT).toList();
	}

	private static EscalationView latest(List<EscalationView> escalations) {
		return escalations.isEmpty() ? null : escalations.get(escalations.size() - 1);
	}
}

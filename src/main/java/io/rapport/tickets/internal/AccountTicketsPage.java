package io.rapport.tickets.internal;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.PageResult;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketSort;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An account as agents see it: its details, its contacts and all its tickets, newest change first, with a link
 * to the same tickets as a queue (filters, sort, bulk changes). The account a ticket names links here.
 */
@Controller
@WorkspacePage
class AccountTicketsPage {

	private final TicketsApi tickets;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	AccountTicketsPage(TicketsApi tickets, AccountsApi accounts, IdentityApi identity) {
		this.tickets = tickets;
		this.accounts = accounts;
		this.identity = identity;
	}

	@GetMapping("/accounts/{id}")
	String show(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(defaultValue = "0") int page, Model model) {
		user.requireAgent();
		AccountView account = accounts.account(id).orElseThrow(() -> NotFoundException.of("errors.account.not-found", id));
		PageResult<TicketView> result = tickets.list(TicketFilter.any().withAccount(id), TicketSort.newestChange(),
				Math.max(0, Math.min(page, 10_000)), TicketListPage.PAGE_SIZE, user);
		model.addAttribute("account", account);
		model.addAttribute("contacts", accounts.contactsOf(id));
		model.addAttribute("result", result);
		model.addAttribute("agentNames", TicketListPage.agentNames(identity));
		model.addAttribute("groupNames", TicketListPage.groupNames(identity));
		return "tickets/account";
	}
}

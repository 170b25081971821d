package io.rapport.workflows.internal;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The ticket page's SLA panel (an htmx fragment): each target with the business time left, or how it ended. */
@Controller
@WorkspacePage
class SlaTicketPages {

	private final TicketsApi tickets;

	private final SlaReads reads;

	SlaTicketPages(TicketsApi tickets, SlaReads reads) {
		this.tickets = tickets;
		this.reads = reads;
	}

	@GetMapping("/tickets/{id}/sla")
	String panel(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		user.requireAgent();
		tickets.get(id, user);
		model.addAttribute("targets", reads.of(id));
		return "workflows/fragments :: targets";
	}
}

package io.rapport.workflows.internal;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.tickets.TicketsApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A ticket's SLA targets, for agents; a customer (or a ticket the agent may not read) gets a 404. */
@RestController
@Tag(name = "SLA", description = "SLA targets of tickets")
class SlaRestController {

	private final TicketsApi tickets;

	private final SlaReads reads;

	SlaRestController(TicketsApi tickets, SlaReads reads) {
		this.tickets = tickets;
		this.reads = reads;
	}

	@Operation(summary = "The ticket's SLA targets: running ones with the business time left, ended ones met or breached")
	@GetMapping("/api/v1/tickets/{id}/sla")
	List<SlaTargetView> targets(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		tickets.get(id, user);
		return reads.of(id);
	}
}

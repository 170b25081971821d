package io.rapport.web;

import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketsApi;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page of the agent workspace and the admin area the {@code nav} the layout renders. */
@ControllerAdvice(basePackages = { "io.rapport.tickets", "io.rapport.identity", "io.rapport.accounts",
		"io.rapport.notifications", "io.rapport.web" })
class NavigationAdvice {

	private final TicketsApi tickets;

	private final IdentityApi identity;

	NavigationAdvice(TicketsApi tickets, IdentityApi identity) {
		this.tickets = tickets;
		this.identity = identity;
	}

	/** Costs one object per request: the user, counts and groups are read only when a template asks. */
	@ModelAttribute("nav")
	Navigation navigation() {
		return new Navigation(tickets, identity);
	}
}

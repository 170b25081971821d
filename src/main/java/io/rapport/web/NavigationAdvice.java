package io.rapport.web;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketsApi;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page of the agent workspace and the admin area the {@code nav} the layout renders. */
@ControllerAdvice(basePackages = { "io.rapport.tickets", "io.rapport.identity", "io.rapport.accounts",
		"io.rapport.web" })
class NavigationAdvice {

	private final TicketsApi tickets;

	private final IdentityApi identity;

	NavigationAdvice(TicketsApi tickets, IdentityApi identity) {
		this.tickets = tickets;
		this.identity = identity;
	}

	/**
	 * Pages anyone may see (sign-in, errors) have an anonymous principal, a plain string: no user then. The type is
	 * named in full: SpEL looks a short name up on the class path first, and this runs before every handler in
	 * these packages, API calls included (it cost a tenth of the server's CPU in the benchmark).
	 */
	@ModelAttribute("nav")
	Navigation navigation(@AuthenticationPrincipal(
			expression = "#this instanceof T(java.lang.String) ? null : user") AuthenticatedUser user) {
		return new Navigation(user, tickets, identity);
	}
}

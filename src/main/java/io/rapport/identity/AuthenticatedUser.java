package io.rapport.identity;

import java.io.Serializable;

import io.rapport.identity.internal.RapportUserDetails;
import io.rapport.shared.ForbiddenException;
import io.rapport.shared.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person behind a request: an agent (with a role) or a customer contact signed in to the portal. Every
 * module takes this, not a Spring Security type, when it decides what the caller may see.
 */
public record AuthenticatedUser(long id, UserKind kind, String email, String name, Role role) implements Serializable {

	public static AuthenticatedUser agent(long id, String email, String name, Role role) {
		return new AuthenticatedUser(id, UserKind.AGENT, email, name, role);
	}

	public static AuthenticatedUser contact(long id, String email, String name) {
		return new AuthenticatedUser(id, UserKind.CONTACT, email, name, null);
	}

	/** The signed-in user of the current request, or null for an anonymous visitor. */
	public static AuthenticatedUser current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof RapportUserDetails details
				? details.user() : null;
	}

	public boolean isAgent() {
		return kind == UserKind.AGENT;
	}

	public boolean isContact() {
		return kind == UserKind.CONTACT;
	}

	public boolean isAdmin() {
		return isAgent() && role == Role.ADMIN;
	}

	/** Customers get a 404 for anything that is not theirs, so that ids can't be probed. */
	public void requireAgent() {
		if (!isAgent()) {
			throw NotFoundException.of("errors.not-found");
		}
	}

	public void requireAdmin() {
		requireAgent();
		if (!isAdmin()) {
			throw ForbiddenException.of("errors.admin-only");
		}
	}
}

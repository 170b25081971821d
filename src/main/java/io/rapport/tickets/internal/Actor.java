package io.rapport.tickets.internal;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.tickets.AuthorKind;

/** Who did something to a ticket, as history records it. */
record Actor(AuthorKind kind, Long id) {

	static Actor of(AuthenticatedUser user) {
		return new Actor(user.isAgent() ? AuthorKind.AGENT : AuthorKind.CONTACT, user.id());
	}

	static Actor system() {
		return new Actor(AuthorKind.SYSTEM, null);
	}
}

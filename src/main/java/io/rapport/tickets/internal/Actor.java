package io.rapport.tickets.internal;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.tickets.AuthorKind;

/**
 * Who did something to a ticket, as history records it. {@code label} names a system actor (an SLA policy) in the
 * history; people are named from their id.
 */
record Actor(AuthorKind kind, Long id, String label) {

	Actor(AuthorKind kind, Long id) {
		this(kind, id, null);
	}

	static Actor of(AuthenticatedUser user) {
		return new Actor(user.isAgent() ? AuthorKind.AGENT : AuthorKind.CONTACT, user.id());
	}

	static Actor system() {
		return new Actor(AuthorKind.SYSTEM, null);
	}

	/** Rapport itself, acting for something with a name people recognise ("SLA policy Urgent"). */
	static Actor system(String label) {
		return new Actor(AuthorKind.SYSTEM, null, label);
	}
}

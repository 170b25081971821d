package io.rapport.web;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.TicketsApi.QueueCounts;

/**
 * What the layout's sidebar and top bar show for the signed-in agent. The user, counts and groups are read only
 * when a template asks for them, so redirects, htmx fragments and API calls cost nothing.
 */
public final class Navigation {

	private final TicketsApi tickets;

	private final IdentityApi identity;

	private QueueCounts counts;

	private List<GroupView> groups;

	private AuthenticatedUser user;

	private boolean userRead;

	Navigation(TicketsApi tickets, IdentityApi identity) {
		this.tickets = tickets;
		this.identity = identity;
	}

	/** The signed-in user, or null on pages anyone may see (sign-in, errors). */
	public AuthenticatedUser user() {
		if (!userRead) {
			user = AuthenticatedUser.current();
			userRead = true;
		}
		return user;
	}

	public boolean admin() {
		return user() != null && user().isAdmin();
	}

	public QueueCounts counts() {
		if (counts == null && user() != null && user().isAgent()) {
			counts = tickets.counts(user());
		}
		return counts;
	}

	public long unsolvedIn(String groupKey) {
		QueueCounts all = counts();
		return all == null ? 0 : all.unsolvedByGroup().getOrDefault(groupKey, 0L);
	}

	public List<GroupView> groups() {
		if (groups == null) {
			groups = identity.groups();
		}
		return groups;
	}
}

package io.rapport.web;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.TicketsApi.QueueCounts;

/**
 * What the layout's sidebar and top bar show for the signed-in agent. Counts and groups are read only when a
 * template asks for them, so redirects and htmx fragments cost nothing.
 */
public final class Navigation {

	private final AuthenticatedUser user;

	private final TicketsApi tickets;

	private final IdentityApi identity;

	private QueueCounts counts;

	private List<GroupView> groups;

	Navigation(AuthenticatedUser user, TicketsApi tickets, IdentityApi identity) {
		this.user = user;
		this.tickets = tickets;
		this.identity = identity;
	}

	public AuthenticatedUser user() {
		return user;
	}

	public boolean admin() {
		return user != null && user.isAdmin();
	}

	public QueueCounts counts() {
		if (counts == null && user != null && user.isAgent()) {
			counts = tickets.counts(user);
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

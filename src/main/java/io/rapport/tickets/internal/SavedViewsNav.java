package io.rapport.tickets.internal;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Component;

/**
 * The sidebar's saved views with their counts, read by the fragment {@code tickets/saved-views :: nav} as
 * {@code @savedViewsNav}. Kept apart from the layout's own entries so it can move with the sidebar's per-module
 * contributions.
 */
@Component("savedViewsNav")
public class SavedViewsNav {

	private final SavedViewService views;

	private final TicketsApi tickets;

	private final IdentityApi identity;

	SavedViewsNav(SavedViewService views, TicketsApi tickets, IdentityApi identity) {
		this.views = views;
		this.tickets = tickets;
		this.identity = identity;
	}

	public List<Entry> forCurrentUser() {
		AuthenticatedUser user = AuthenticatedUser.current();
		return views.visibleTo(user).stream().map(view -> {
			QueueFilters filters = QueueFilters.parse(view.getQuery());
			TicketQueue queue = TicketQueue.of(filters.view(), filters.group(), filters.q(), user, identity);
			long count = tickets.list(filters.apply(queue.filter(), user), filters.sort(), 0, 1, user).total();
			return new Entry(view.getId(), view.getName(), view.isShared(), count);
		}).toList();
	}

	public record Entry(long id, String name, boolean shared, long count) {

		public String key() {
			return "saved:" + id;
		}
	}
}

package io.rapport.tickets.internal;

import java.util.ArrayList;
import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Component;

/**
 * The sidebar's saved views (the agent's own and the shared ones), after the queues, each with its count, read
 * only when the sidebar is rendered.
 */
@Component
class SavedViewsNav implements SidebarContribution {

	private final SavedViewService views;

	private final TicketsApi tickets;

	private final IdentityApi identity;

	SavedViewsNav(SavedViewService views, TicketsApi tickets, IdentityApi identity) {
		this.views = views;
		this.tickets = tickets;
		this.identity = identity;
	}

	@Override
	public List<SidebarEntry> entries() {
		AuthenticatedUser user = AuthenticatedUser.current();
		if (user == null || !user.isAgent()) {
			return List.of();
		}
		List<SidebarEntry> entries = new ArrayList<>();
		int order = 300;
		for (SavedView view : views.visibleTo(user)) {
			QueueFilters filters = QueueFilters.parse(view.getQuery());
			entries.add(SidebarEntry
				.named("views.heading", order++, view.getName(), "/tickets?saved=" + view.getId(), "saved:" + view.getId())
				.withCount(() -> {
					TicketQueue queue = TicketQueue.of(filters.view(), filters.group(), filters.q(), user, identity);
					return tickets.list(filters.apply(queue.filter(), user), filters.sort(), 0, 1, user).total();
				})
				.styled(view.isShared() ? "saved-view is-shared" : "saved-view"));
		}
		return entries;
	}
}

package io.rapport.tickets.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.TicketsApi.QueueCounts;

import org.springframework.stereotype.Component;

/**
 * The tickets module's part of the workspace sidebar: the "New ticket" button, the agent's views and one queue per
 * group, with live counts. All counts of one page come from one query, made only if the sidebar is rendered.
 */
@Component
class TicketSidebar implements SidebarContribution {

	private final TicketsApi tickets;

	private final IdentityApi identity;

	TicketSidebar(TicketsApi tickets, IdentityApi identity) {
		this.tickets = tickets;
		this.identity = identity;
	}

	@Override
	public List<SidebarEntry> entries() {
		Supplier<QueueCounts> counts = once(() -> tickets.counts(AuthenticatedUser.current()));
		List<SidebarEntry> entries = new ArrayList<>();
		entries.add(SidebarEntry.link(SidebarEntry.ACTIONS, 0, "nav.newTicket", "/tickets/new", "new"));
		entries.add(view(110, "view.mine", "mine").withCount(() -> counts.get().mine()));
		entries.add(view(120, "view.unassigned", "unassigned")
			.withCount(() -> counts.get().unassignedInMyGroups()));
		entries.add(view(130, "view.all", "all").withCount(() -> counts.get().allUnsolved()));
		entries.add(view(140, "view.solved", "solved"));
		int order = 200;
		for (GroupView group : identity.groups()) {
			entries.add(SidebarEntry
				.named("nav.queues", order++, group.name(), "/tickets?group=" + group.key(), "group:" + group.key())
				.withCount(() -> counts.get().unsolvedByGroup().getOrDefault(group.key(), 0L)));
		}
		return entries;
	}

	private static SidebarEntry view(int order, String labelKey, String view) {
		return SidebarEntry.link("nav.views", order, labelKey, "/tickets?view=" + view, view);
	}

	private static <T> Supplier<T> once(Supplier<T> read) {
		return new Supplier<>() {

			private T value;

			@Override
			public T get() {
				if (value == null) {
					value = read.get();
				}
				return value;
			}
		};
	}
}

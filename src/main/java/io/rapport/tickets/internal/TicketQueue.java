package io.rapport.tickets.internal;

import java.util.Set;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketStatus;

/**
 * One of the sidebar's views of the ticket list: mine, unassigned in my groups, a group's queue, all unsolved,
 * solved, and search (every status). {@code key} names it in the sidebar ("mine", "group:tier2"); {@code title} is a message key or a group
 * name.
 */
record TicketQueue(String view, String group, String key, String titleKey, String title, TicketFilter filter) {

	static TicketQueue of(String view, String group, String text, AuthenticatedUser user, IdentityApi identity) {
		String q = text == null || text.isBlank() ? null : text.strip();
		if (group != null && !group.isBlank()) {
			GroupView found = identity.groupByKey(group.strip()).orElse(null);
			if (found != null) {
				return new TicketQueue(null, found.key(), "group:" + found.key(), null, found.name(),
						filter(TicketStatus.UNSOLVED, Set.of(found.id()), null, false, q));
			}
		}
		String name = view == null ? "mine" : view;
		return switch (name) {
			case "unassigned" -> new TicketQueue(name, null, name, "view.unassigned", null,
					filter(TicketStatus.UNSOLVED, myGroups(user, identity), null, true, q));
			case "all" -> new TicketQueue(name, null, name, "view.all", null,
					filter(TicketStatus.UNSOLVED, null, null, false, q));
			case "search" -> new TicketQueue(name, null, name, "view.search", null,
					filter(null, null, null, false, q));
			case "solved" -> new TicketQueue(name, null, name, "view.solved", null,
					filter(TicketStatus.DONE, null, null, false, q));
			default -> new TicketQueue("mine", null, "mine", "view.mine", null,
					filter(TicketStatus.UNSOLVED, null, user.id(), false, q));
		};
	}

	private static TicketFilter filter(Set<TicketStatus> statuses, Set<Long> groups, Long assignee, boolean unassigned,
			String text) {
		return new TicketFilter(statuses, groups, assignee, unassigned, null, null, null, text);
	}

	private static Set<Long> myGroups(AuthenticatedUser user, IdentityApi identity) {
		return identity.agent(user.id())
			.map(agent -> agent.groups().stream()
				.map(key -> identity.groupByKey(key).map(GroupView::id).orElse(-1L))
				.collect(java.util.stream.Collectors.toSet()))
			.orElse(Set.of());
	}
}

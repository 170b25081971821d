package io.rapport.tickets.internal.search;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.InvalidInputException;

/** Parameters of a ticket search that are more than one type: the assignee is an agent's id, {@code me} or {@code none}. */
final class SearchParams {

	private SearchParams() {
	}

	static Assignee assignee(String value, AuthenticatedUser user) {
		if (value == null || value.isBlank()) {
			return new Assignee(null, false);
		}
		String v = value.strip();
		if ("me".equalsIgnoreCase(v)) {
			return new Assignee(user.id(), false);
		}
		if ("none".equalsIgnoreCase(v) || "unassigned".equalsIgnoreCase(v)) {
			return new Assignee(null, true);
		}
		if (v.matches("\\d{1,18}")) {
			return new Assignee(Long.parseLong(v), false);
		}
		throw InvalidInputException.of("assignee", "errors.ticket-search.assignee", v);
	}

	record Assignee(Long id, boolean none) {
	}
}

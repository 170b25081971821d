package io.rapport.tickets.internal;

import java.util.Comparator;
import java.util.List;

import io.rapport.identity.AgentView;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketSort;
import io.rapport.tickets.TicketStatus;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;

import org.springframework.stereotype.Component;

/**
 * A {@link TicketSort} as an ORDER BY, followed by the id. Status and priority sort in their working order (New
 * before Open, Urgent above Low), groups and assignees by their names, which identity owns: the query ranks the
 * ids by name with a CASE rather than joining another module's tables.
 */
@Component
class TicketOrder {

	/** Where tickets without a running SLA target sort: after every real due time, in H2 and PostgreSQL alike. */
	private static final java.time.Instant NO_DUE = java.time.Instant.parse("9999-01-01T00:00:00Z");

	private final IdentityApi identity;

	TicketOrder(IdentityApi identity) {
		this.identity = identity;
	}

	List<Order> of(TicketSort sort, Root<Ticket> root, CriteriaBuilder cb) {
		TicketSort by = sort == null ? TicketSort.newestChange() : sort;
		Expression<?> column = switch (by.field()) {
			case NUMBER -> root.get("number");
			case SUBJECT -> cb.lower(root.get("subject"));
			case REQUESTER -> root.get("requesterKey");
			case ACCOUNT -> root.get("accountKey");
			case STATUS -> ranked(cb, root.get("status"), List.of(TicketStatus.values()));
			case PRIORITY -> ranked(cb, root.get("priority"), List.of(TicketPriority.values()));
			case GROUP -> ranked(cb, root.get("groupId"), identity.groups().stream()
				.sorted(Comparator.comparing(GroupView::name, String.CASE_INSENSITIVE_ORDER)).map(GroupView::id)
				.toList());
			case ASSIGNEE -> ranked(cb, root.get("assigneeId"), identity.agents().stream()
				.sorted(Comparator.comparing(AgentView::name, String.CASE_INSENSITIVE_ORDER)).map(AgentView::id)
				.toList());
			case UPDATED -> root.get("updatedAt");
			case CREATED -> root.get("createdAt");
			case DUE -> cb.coalesce(root.<java.time.Instant>get("slaDueAt"), NO_DUE);
		};
		return by.descending() ? List.of(cb.desc(column), cb.desc(root.get("id")))
				: List.of(cb.asc(column), cb.asc(root.get("id")));
	}

	/** The position of the value in {@code order}; values not listed (and null) come last. */
	private static <T> Expression<?> ranked(CriteriaBuilder cb, Expression<T> column, List<T> order) {
		if (order.isEmpty()) {
			return column;
		}
		CriteriaBuilder.SimpleCase<T, Integer> rank = cb.selectCase(column);
		for (int i = 0; i < order.size(); i++) {
			rank = rank.when(order.get(i), i);
		}
		return rank.otherwise(order.size());
	}
}

package io.rapport.tickets.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketSort;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * A {@link TicketFilter} as a query, and a {@link TicketSort} as its order. Text matches the number, or the
 * ticket's search key (subject, requester, account; see {@link SearchText}). Each filter and sort column has an
 * index (migration {@code V202612011500_03__tickets_queue_filters}).
 */
@Component
class TicketSearch {

	private final TicketOrder order;

	TicketSearch(TicketOrder order) {
		this.order = order;
	}

	Specification<Ticket> matching(TicketFilter filter) {
		return (root, query, cb) -> cb.and(where(filter, root, query, cb).toArray(Predicate[]::new));
	}

	/** The filter, ordered; the order is left out of the count query that pages run beside it. */
	Specification<Ticket> matching(TicketFilter filter, TicketSort sort) {
		return (root, query, cb) -> {
			if (!Long.class.equals(query.getResultType()) && !long.class.equals(query.getResultType())) {
				query.orderBy(order.of(sort, root, cb));
			}
			return cb.and(where(filter, root, query, cb).toArray(Predicate[]::new));
		};
	}

	private static List<Predicate> where(TicketFilter filter, Root<Ticket> root,
			jakarta.persistence.criteria.CriteriaQuery<?> query, CriteriaBuilder cb) {
		List<Predicate> where = new ArrayList<>();
		in(where, root.get("status"), filter.statuses());
		if (filter.groupIds() != null) {
			where.add(filter.groupIds().isEmpty() ? cb.disjunction() : root.get("groupId").in(filter.groupIds()));
		}
		if (filter.assigneeId() != null) {
			where.add(cb.equal(root.get("assigneeId"), filter.assigneeId()));
		}
		if (filter.unassigned()) {
			where.add(cb.isNull(root.get("assigneeId")));
		}
		if (filter.requesterId() != null) {
			where.add(cb.equal(root.get("requesterId"), filter.requesterId()));
		}
		if (filter.accountId() != null) {
			where.add(cb.equal(root.get("accountId"), filter.accountId()));
		}
		in(where, root.get("priority"), filter.priorities());
		in(where, root.get("type"), filter.types());
		in(where, root.get("channel"), filter.channels());
		if (hasText(filter.tag())) {
			Join<Ticket, String> tags = root.join("tags");
			where.add(cb.equal(tags, filter.tag().strip().toLowerCase(Locale.ROOT)));
		}
		if (filter.anyTags() != null && !filter.anyTags().isEmpty()) {
			Subquery<Long> tagged = query.subquery(Long.class);
			Root<Ticket> other = tagged.from(Ticket.class);
			Join<Ticket, String> tags = other.join("tags");
			tagged.select(other.get("id")).where(tags.in(filter.anyTags()));
			where.add(root.get("id").in(tagged));
		}
		range(where, cb, root.get("createdAt"), filter.createdFrom(), filter.createdBefore());
		range(where, cb, root.get("updatedAt"), filter.updatedFrom(), filter.updatedBefore());
		range(where, cb, root.get("solvedAt"), filter.solvedFrom(), filter.solvedBefore());
		if (filter.answered() != null) {
			where.add(filter.answered() ? cb.isNotNull(root.get("firstResponseAt"))
					: cb.isNull(root.get("firstResponseAt")));
		}
		if (hasText(filter.text())) {
			where.add(text(filter.text().strip(), root, cb));
		}
		return where;
	}

	private static Predicate text(String text, Root<Ticket> root, CriteriaBuilder cb) {
		List<Predicate> any = new ArrayList<>();
		String digits = text.startsWith("#") ? text.substring(1) : text;
		if (digits.matches("\\d{1,18}")) {
			any.add(cb.equal(root.get("number"), Long.parseLong(digits)));
		}
		any.add(cb.like(root.get("searchKey"), SearchText.contains(text), '\\'));
		String like = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		any.add(cb.and(cb.isNull(root.get("searchKey")), cb.like(cb.lower(root.get("subject")), like, '\\')));
		return cb.or(any.toArray(Predicate[]::new));
	}

	private static void in(List<Predicate> where, Expression<?> column, Set<?> values) {
		if (values != null && !values.isEmpty()) {
			where.add(column.in(values));
		}
	}

	private static void range(List<Predicate> where, CriteriaBuilder cb, Expression<java.time.Instant> column,
			java.time.Instant from, java.time.Instant before) {
		if (from != null) {
			where.add(cb.greaterThanOrEqualTo(column, from));
		}
		if (before != null) {
			where.add(cb.lessThan(column, before));
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}
}

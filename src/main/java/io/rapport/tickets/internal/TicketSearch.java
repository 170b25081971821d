package io.rapport.tickets.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.rapport.accounts.AccountsApi;
import io.rapport.tickets.TicketFilter;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** A {@link TicketFilter} as a query. Text matches the number, the subject, or the requester. */
@Component
class TicketSearch {

	private static final int MAX_REQUESTER_MATCHES = 500;

	private final AccountsApi accounts;

	TicketSearch(AccountsApi accounts) {
		this.accounts = accounts;
	}

	Specification<Ticket> matching(TicketFilter filter) {
		List<Long> requesterMatches = hasText(filter.text())
				? accounts.contactIdsMatching(filter.text().strip(), MAX_REQUESTER_MATCHES) : List.of();
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (filter.statuses() != null && !filter.statuses().isEmpty()) {
				where.add(root.get("status").in(filter.statuses()));
			}
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
			if (hasText(filter.tag())) {
				Join<Ticket, String> tags = root.join("tags");
				where.add(cb.equal(tags, filter.tag().strip().toLowerCase(Locale.ROOT)));
			}
			if (hasText(filter.text())) {
				where.add(text(filter.text().strip(), requesterMatches, root, cb));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

	private static Predicate text(String text, List<Long> requesters,
			jakarta.persistence.criteria.Root<Ticket> root, jakarta.persistence.criteria.CriteriaBuilder cb) {
		List<Predicate> any = new ArrayList<>();
		String digits = text.startsWith("#") ? text.substring(1) : text;
		if (digits.matches("\\d{1,18}")) {
			any.add(cb.equal(root.get("number"), Long.parseLong(digits)));
		}
		String like = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		any.add(cb.like(cb.lower(root.get("subject")), like, '\\'));
		if (!requesters.isEmpty()) {
			any.add(root.get("requesterId").in(requesters));
		}
		return cb.or(any.toArray(Predicate[]::new));
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}
}

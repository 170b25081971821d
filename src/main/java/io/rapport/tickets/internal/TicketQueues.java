package io.rapport.tickets.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.PageResult;
import io.rapport.shared.TranslatableException;
import io.rapport.tickets.BulkChange;
import io.rapport.tickets.BulkResult;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketNotFoundException;
import io.rapport.tickets.TicketSort;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue use cases: a sorted page of tickets, and a change applied to many tickets. A bulk change goes through
 * the same {@link TicketsApi#update} and {@link TicketsApi#escalate} as a single edit (same rules, history and
 * events), one transaction per ticket, so a ticket that cannot take the change is skipped with its reason.
 */
@Component
class TicketQueues {

	static final int MAX_BULK = 500;

	private final Tickets tickets;

	private final TicketAccess access;

	private final TicketViews views;

	private final TicketSearch search;

	private final TicketsApi api;

	private final TransactionTemplate perTicket;

	private final MessageSource messages;

	TicketQueues(Tickets tickets, TicketAccess access, TicketViews views, TicketSearch search, @Lazy TicketsApi api,
			PlatformTransactionManager transactions, MessageSource messages) {
		this.tickets = tickets;
		this.access = access;
		this.views = views;
		this.search = search;
		this.api = api;
		this.perTicket = new TransactionTemplate(transactions);
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	PageResult<TicketView> list(TicketFilter filter, TicketSort sort, int page, int size, AuthenticatedUser by) {
		TicketFilter scoped = access.scope(filter, by);
		Page<Ticket> result = tickets.findAll(search.matching(scoped, sort), PageRequest.of(page, size));
		return new PageResult<>(views.views(result.getContent()), page, size, result.getTotalElements());
	}

	BulkResult bulkChange(Collection<Long> ticketIds, BulkChange change, AuthenticatedUser by) {
		by.requireAgent();
		Set<Long> ids = new LinkedHashSet<>(ticketIds);
		if (ids.isEmpty()) {
			throw InvalidInputException.of("ticketIds", "errors.ticket.bulk-none");
		}
		if (ids.size() > MAX_BULK) {
			throw InvalidInputException.of("ticketIds", "errors.ticket.bulk-too-many", MAX_BULK);
		}
		if (change.isEmpty()) {
			throw InvalidInputException.of("change", "errors.ticket.bulk-no-change");
		}
		boolean escalates = change.escalateTo() != null && !change.escalateTo().isBlank();
		if (escalates && (change.reason() == null || change.reason().isBlank())) {
			throw InvalidInputException.of("reason", "errors.ticket.bulk-escalation-reason");
		}
		List<Long> changed = new ArrayList<>();
		List<BulkResult.Skipped> skipped = new ArrayList<>();
		for (long id : ids) {
			try {
				perTicket.executeWithoutResult(status -> apply(id, change, escalates, by));
				changed.add(id);
			}
			catch (TicketNotFoundException e) {
				skipped.add(new BulkResult.Skipped(id, id, text(NotFoundException.of("errors.not-found"))));
			}
			catch (ConflictException | InvalidInputException e) {
				skipped.add(new BulkResult.Skipped(id, id, text(e)));
			}
		}
		return new BulkResult(changed, skipped);
	}

	private void apply(long id, BulkChange change, boolean escalates, AuthenticatedUser by) {
		TicketView ticket = api.get(id, by);
		if (ticket.status() == TicketStatus.CLOSED) {
			throw ConflictException.of("errors.ticket.closed", ticket.number());
		}
		if (escalates && !change.escalateTo().strip().equals(ticket.group())) {
			ticket = api.escalate(id, change.escalateTo(), change.reason(), by);
		}
		List<String> tags = retagged(ticket.tags(), change);
		TicketUpdate update = new TicketUpdate(change.status(), change.priority(), null, change.assigneeId(),
				change.unassign() ? Boolean.TRUE : null, tags, ticket.version());
		if (update.status() != null || update.priority() != null || update.assigneeId() != null
				|| update.unassign() != null || tags != null) {
			api.update(id, update, by);
		}
	}

	/** The ticket's tags with the additions and without the removals, or null when the change has no tags. */
	private static List<String> retagged(List<String> current, BulkChange change) {
		boolean adds = change.addTags() != null && !change.addTags().isEmpty();
		boolean removes = change.removeTags() != null && !change.removeTags().isEmpty();
		if (!adds && !removes) {
			return null;
		}
		Set<String> tags = new LinkedHashSet<>(current);
		if (adds) {
			tags.addAll(Tags.normalize(change.addTags(), "addTags"));
		}
		if (removes) {
			tags.removeAll(Tags.normalize(change.removeTags(), "removeTags"));
		}
		return List.copyOf(tags);
	}

	/** Why a ticket was skipped, in the caller's language (the bulk change runs within their request). */
	private String text(TranslatableException e) {
		return messages.getMessage(e, LocaleContextHolder.getLocale());
	}
}

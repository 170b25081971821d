package io.rapport.tickets.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.PageResult;
import io.rapport.tickets.ChangeView;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketNotFoundException;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi.AttachmentDownload;
import io.rapport.tickets.TicketsApi.QueueCounts;
import io.rapport.tickets.Visibility;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads: a ticket, a page of tickets, its conversation, its history, a file, and the sidebar's counts. */
@Component
@Transactional(readOnly = true)
class TicketQueries {

	private final Tickets tickets;

	private final Messages messages;

	private final TicketChanges changes;

	private final TicketAccess access;

	private final TicketViews views;

	private final TicketAttachments files;

	private final TicketSearch search;

	private final IdentityApi identity;

	TicketQueries(Tickets tickets, Messages messages, TicketChanges changes, TicketAccess access, TicketViews views,
			TicketAttachments files, TicketSearch search, IdentityApi identity) {
		this.tickets = tickets;
		this.messages = messages;
		this.changes = changes;
		this.access = access;
		this.views = views;
		this.files = files;
		this.search = search;
		this.identity = identity;
	}

	TicketView get(long id, AuthenticatedUser by) {
		return views.view(access.readable(id, by));
	}

	PageResult<TicketView> list(TicketFilter filter, int page, int size, AuthenticatedUser by) {
		TicketFilter scoped = access.scope(filter, by);
		Page<Ticket> result = tickets.findAll(search.matching(scoped),
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))));
		return new PageResult<>(views.views(result.getContent()), page, size, result.getTotalElements());
	}

	List<MessageView> messages(long id, AuthenticatedUser by) {
		Ticket ticket = access.readable(id, by);
		return by.isAgent()
				? views.messages(messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.getId()), TicketViews.AGENT_FILES)
				: views.messages(messages.findByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(ticket.getId(),
						Visibility.PUBLIC), TicketViews.PORTAL_FILES);
	}

	/**
	 * The ticket's life in order: its creation (entry {@code created}, id = the ticket's, value = the channel), each
	 * message (entry {@code message}, id = the message's, value = PUBLIC or INTERNAL) and each changed field.
	 */
	List<ChangeView> history(long id, AuthenticatedUser by) {
		Ticket ticket = access.forAgents(id, by);
		List<Message> conversation = messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.getId());
		List<Entry> entries = new ArrayList<>();
		if (!conversation.isEmpty()) {
			Message first = conversation.get(0);
			entries.add(new Entry(0, new TicketChange(ticket.getId(), first.getAuthorKind(), first.getAuthorId(),
					"created", null, ticket.getChannel().name(), ticket.getCreatedAt()), ticket.getId()));
		}
		conversation.stream().skip(1).forEach(m -> entries.add(new Entry(1, new TicketChange(ticket.getId(),
				m.getAuthorKind(), m.getAuthorId(), "message", null, m.getVisibility().name(), m.getCreatedAt()),
				m.getId())));
		changes.findByTicketIdOrderByAtAscIdAsc(ticket.getId()).forEach(c -> entries.add(new Entry(2, c, c.getId())));
		entries.sort(Comparator.comparing((Entry e) -> e.change().getAt()).thenComparingInt(Entry::rank)
			.thenComparingLong(Entry::id));
		List<ChangeView> shown = views.changes(entries.stream().map(Entry::change).toList());
		List<ChangeView> result = new ArrayList<>(shown.size());
		for (int i = 0; i < shown.size(); i++) {
			ChangeView c = shown.get(i);
			result.add(new ChangeView(entries.get(i).id(), c.field(), c.oldValue(), c.newValue(), c.actorType(),
					c.actorId(), c.actorName(), c.at()));
		}
		return result;
	}

	AttachmentDownload attachment(long attachmentId, AuthenticatedUser by) {
		Attachment attachment = files.find(attachmentId);
		Ticket ticket;
		try {
			ticket = access.readable(attachment.getTicketId(), by);
		}
		catch (TicketNotFoundException e) {
			throw TicketNotFoundException.forAttachment(attachmentId);
		}
		if (by.isContact() && messages.findById(attachment.getMessageId())
			.filter(m -> m.getVisibility() == Visibility.PUBLIC).isEmpty()) {
			throw TicketNotFoundException.forAttachment(attachmentId);
		}
		return new AttachmentDownload(attachment.getFilename(), attachment.getContentType(),
				files.content(ticket.getId(), attachmentId));
	}

	QueueCounts counts(AuthenticatedUser agent) {
		agent.requireAgent();
		List<Long> myGroups = identity.agent(agent.id()).map(a -> a.groups().stream()
			.map(key -> identity.groupByKey(key).map(GroupView::id).orElse(-1L)).toList()).orElse(List.of());
		Map<String, Long> byGroup = tickets.countByGroup(TicketStatus.UNSOLVED).stream()
			.collect(Collectors.toMap(row -> identity.groupKey((Long) row[0]), row -> (Long) row[1]));
		return new QueueCounts(tickets.countAssigned(agent.id(), TicketStatus.UNSOLVED),
				myGroups.isEmpty() ? 0 : tickets.countUnassigned(myGroups, TicketStatus.UNSOLVED), byGroup,
				tickets.countByStatusIn(TicketStatus.UNSOLVED));
	}

	/** A history entry before it is shown: creation first, then messages, then field changes at the same instant. */
	private record Entry(int rank, TicketChange change, long id) {
	}
}

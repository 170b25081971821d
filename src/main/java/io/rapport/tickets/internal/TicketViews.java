package io.rapport.tickets.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.AttachmentView;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.ChangeView;
import io.rapport.tickets.EscalationView;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketView;

import org.springframework.stereotype.Component;

/** Turns tickets and their parts into views, loading what they refer to in one query per kind, not per row. */
@Component
class TicketViews {

	private final Escalations escalations;

	private final Attachments attachments;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	TicketViews(Escalations escalations, Attachments attachments, AccountsApi accounts, IdentityApi identity) {
		this.escalations = escalations;
		this.attachments = attachments;
		this.accounts = accounts;
		this.identity = identity;
	}

	TicketView view(Ticket ticket) {
		return views(List.of(ticket)).get(0);
	}

	TicketView view(Ticket ticket, ContactView requester, List<EscalationView> escalationViews) {
		return new TicketView(ticket.getId(), ticket.getNumber(), ticket.getSubject(), ticket.getStatus(),
				ticket.getPriority(), ticket.getType(), ticket.getChannel(), identity.groupKey(ticket.getGroupId()),
				ticket.getAssigneeId(), requester(ticket, requester), ticket.getAccountId(),
				List.copyOf(ticket.getTags()), ticket.getVersion(), ticket.getCreatedAt(), ticket.getUpdatedAt(),
				ticket.getFirstResponseAt(), ticket.getSolvedAt(), escalationViews, List.copyOf(ticket.getCcs()));
	}

	List<TicketView> views(List<Ticket> tickets) {
		if (tickets.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = tickets.stream().map(Ticket::getId).collect(Collectors.toSet());
		Map<Long, ContactView> requesters = accounts
			.contacts(tickets.stream().map(Ticket::getRequesterId).collect(Collectors.toSet()));
		Map<Long, List<EscalationView>> escalationsByTicket = escalations.findByTicketIdInOrderByAtAsc(ids).stream()
			.collect(Collectors.groupingBy(Escalation::getTicketId,
					Collectors.mapping(this::escalation, Collectors.toList())));
		return tickets.stream()
			.map(ticket -> view(ticket, requesters.get(ticket.getRequesterId()),
					escalationsByTicket.getOrDefault(ticket.getId(), List.of())))
			.toList();
	}

	EscalationView escalation(Escalation escalation) {
		return new EscalationView(identity.groupKey(escalation.getFromGroupId()),
				identity.groupKey(escalation.getToGroupId()), escalation.getReason(), escalation.getById(),
				escalation.getAt());
	}

	/** Download URLs of inline images, for agents (the workspace) and customers (the portal). */
	static final String AGENT_FILES = "/attachments/";

	static final String PORTAL_FILES = "/portal/attachments/";

	List<MessageView> messages(List<Message> messages) {
		return messages(messages, true, AGENT_FILES);
	}

	/**
	 * Messages with their files; {@code filesUrl} is where the reader downloads a file ({@link #AGENT_FILES},
	 * {@link #PORTAL_FILES}), or null to keep {@code cid:} sources and list inline images with the files (what a
	 * mail quoting the conversation needs).
	 */
	List<MessageView> messages(List<Message> messages, String filesUrl) {
		return messages(messages, true, filesUrl);
	}

	/** A message this request has just stored without files: there are none to look up. */
	MessageView withoutFiles(Message message) {
		return messages(List.of(message), false, AGENT_FILES).get(0);
	}

	private List<MessageView> messages(List<Message> messages, boolean lookUpFiles, String filesUrl) {
		List<Author> authors = new java.util.ArrayList<>(
				messages.stream().map(m -> new Author(m.getAuthorKind(), m.getAuthorId())).toList());
		messages.stream().filter(m -> m.getOnBehalfOfContactId() != null)
			.forEach(m -> authors.add(new Author(AuthorKind.CONTACT, m.getOnBehalfOfContactId())));
		Names names = names(authors);
		Map<Long, List<Attachment>> files = messages.isEmpty() || !lookUpFiles ? Map.of()
				: attachments.findByMessageIdIn(messages.stream().map(Message::getId).toList()).stream()
					.collect(Collectors.groupingBy(Attachment::getMessageId));
		return messages.stream().map(m -> view(m, files.getOrDefault(m.getId(), List.of()), names, filesUrl))
			.toList();
	}

	private static MessageView view(Message m, List<Attachment> files, Names names, String filesUrl) {
		String body = m.getBodyHtml();
		String quoted = m.getQuotedHtml();
		Set<Long> inline = new HashSet<>();
		if (filesUrl != null) {
			Map<String, Long> byContentId = new HashMap<>();
			files.stream().filter(a -> a.getContentId() != null)
				.forEach(a -> byContentId.putIfAbsent(a.getContentId(), a.getId()));
			body = InlineImages.resolve(body, byContentId, filesUrl, inline);
			quoted = InlineImages.resolve(quoted, byContentId, filesUrl, inline);
		}
		List<AttachmentView> listed = files.stream().filter(a -> !inline.contains(a.getId()))
			.map(a -> new AttachmentView(a.getId(), a.getFilename(), a.getContentType(), a.getSize(),
					a.getContentId()))
			.toList();
		return new MessageView(m.getId(), m.getAuthorKind(), m.getAuthorId(),
				names.of(m.getAuthorKind(), m.getAuthorId()), m.getVisibility(), body, m.getCreatedAt(), listed,
				m.getOnBehalfOfContactId(),
				m.getOnBehalfOfContactId() == null ? null : names.of(AuthorKind.CONTACT, m.getOnBehalfOfContactId()),
				m.isAutoReply(), quoted);
	}

	List<ChangeView> changes(List<TicketChange> changes) {
		Names names = names(changes.stream().map(c -> new Author(c.getActorKind(), c.getActorId())).toList());
		return changes.stream()
			.map(c -> new ChangeView(c.getId() == null ? 0 : c.getId(), c.getField(), c.getOldValue(), c.getNewValue(), c.getActorKind(),
					c.getActorId(), c.getActorLabel() != null ? c.getActorLabel() : names.of(c.getActorKind(), c.getActorId()),
					c.getAt()))
			.toList();
	}

	private Names names(List<Author> authors) {
		Map<Long, String> agents = new HashMap<>();
		authors.stream().filter(a -> a.kind() == AuthorKind.AGENT && a.id() != null).map(Author::id).distinct()
			.forEach(id -> agents.put(id, identity.agent(id).map(AgentView::name).orElse("Agent " + id)));
		Map<Long, String> contacts = accounts.contacts(authors.stream()
			.filter(a -> a.kind() == AuthorKind.CONTACT && a.id() != null).map(Author::id).collect(Collectors.toSet()))
			.values().stream().collect(Collectors.toMap(ContactView::id, ContactView::displayName));
		return new Names(agents, contacts);
	}

	private static TicketView.Requester requester(Ticket ticket, ContactView contact) {
		return contact == null ? new TicketView.Requester(ticket.getRequesterId(), null, null)
				: new TicketView.Requester(contact.id(), contact.email(), contact.name());
	}

	private record Author(AuthorKind kind, Long id) {
	}

	private record Names(Map<Long, String> agents, Map<Long, String> contacts) {

		String of(AuthorKind kind, Long id) {
			return switch (kind) {
				case AGENT -> agents.getOrDefault(id, "Agent");
				case CONTACT -> contacts.getOrDefault(id, "Customer");
				case SYSTEM -> "Rapport";
			};
		}
	}
}

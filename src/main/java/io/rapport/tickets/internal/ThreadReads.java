package io.rapport.tickets.internal;

import java.util.List;
import java.util.Optional;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketIntake.PublicMessage;
import io.rapport.tickets.TicketIntake.Thread;
import io.rapport.tickets.Upload;
import io.rapport.tickets.Visibility;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a channel reads to thread and answer a mail, without a signed-in user: who takes part in a ticket, and what
 * a customer may read of it (public messages and their files, never internal notes).
 */
@Component
@Transactional(readOnly = true)
class ThreadReads {

	private final Tickets tickets;

	private final Messages messages;

	private final TicketViews views;

	private final TicketAttachments files;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	ThreadReads(Tickets tickets, Messages messages, TicketViews views, TicketAttachments files, AccountsApi accounts,
			IdentityApi identity) {
		this.tickets = tickets;
		this.messages = messages;
		this.views = views;
		this.files = files;
		this.accounts = accounts;
		this.identity = identity;
	}

	Optional<Thread> thread(long ticketId) {
		return tickets.findById(ticketId).map(this::thread);
	}

	Optional<Thread> threadByNumber(long number) {
		return tickets.findByNumber(number).map(this::thread);
	}

	/** Bodies as stored (inline images still {@code cid:}, so a mail can carry them), with a text rendering. */
	List<PublicMessage> publicConversation(long ticketId) {
		return views.messages(messages.findByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(ticketId,
				Visibility.PUBLIC), null).stream()
			.map(m -> new PublicMessage(m.id(), m.authorType(), m.authorId(), m.authorName(), m.bodyHtml(),
					PlainText.of(m.bodyHtml()), m.createdAt(), m.attachments()))
			.toList();
	}

	Optional<Upload> publicAttachment(long attachmentId) {
		return files.findOptional(attachmentId)
			.filter(a -> messages.findById(a.getMessageId()).filter(m -> m.getVisibility() == Visibility.PUBLIC)
				.isPresent())
			.map(a -> new Upload(a.getFilename(), a.getContentType(), files.content(a.getTicketId(), a.getId()),
					a.getContentId()));
	}

	private Thread thread(Ticket ticket) {
		return thread(ticket, accounts.contact(ticket.getRequesterId()));
	}

	/** A ticket as a channel sees it, its requester in hand (the intake has just read or written both). */
	Thread thread(Ticket ticket, Optional<ContactView> requester) {
		return new Thread(ticket.getId(), ticket.getNumber(), ticket.getSubject(), ticket.getStatus(),
				identity.groupKey(ticket.getGroupId()), ticket.getRequesterId(),
				requester.map(c -> c.email().toLowerCase(java.util.Locale.ROOT)).orElse(null),
				requester.map(ContactView::name).orElse(null), requester.map(ContactView::locale).orElse(null),
				List.copyOf(ticket.getCcs()), ticket.getAssigneeId());
	}
}

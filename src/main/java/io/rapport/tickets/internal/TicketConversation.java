package io.rapport.tickets.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.Upload;
import io.rapport.tickets.Visibility;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replies and notes. A message locks its ticket's row for its short transaction ({@link Tickets#findLockedById}),
 * so simultaneous messages to one ticket are stored one after another and none is refused; a reply with "submit
 * as" stores the message and the status in that one transaction.
 */
@Component
class TicketConversation {

	static final int MESSAGE_ATTEMPTS = 5;

	private final TicketAccess access;

	private final Messages messages;

	private final TicketAttachments files;

	private final Mentions mentions;

	private final TicketStore store;

	private final TicketViews views;

	private final IdentityApi identity;

	private final Clock clock;

	private final TransactionTemplate transactions;

	TicketConversation(TicketAccess access, Messages messages, TicketAttachments files, Mentions mentions,
			TicketStore store, TicketViews views, IdentityApi identity, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.access = access;
		this.messages = messages;
		this.files = files;
		this.mentions = mentions;
		this.store = store;
		this.views = views;
		this.identity = identity;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Posts in a transaction of its own. Holding the ticket's lock, a message never meets a version it did not read,
	 * so there is no conflict to retry; only a lock that could not be had in time (a long transaction elsewhere) is
	 * tried again. Inside a caller's transaction there is nothing to retry, so such a failure goes up.
	 */
	MessageView reply(long id, NewMessage command, List<Upload> uploads, TicketStatus submitAs,
			AuthenticatedUser by) {
		files.check(uploads);
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> post(id, command, uploads, submitAs, by));
			}
			catch (PessimisticLockingFailureException e) {
				if (attempt == MESSAGE_ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
					throw e;
				}
			}
		}
	}

	private MessageView post(long id, NewMessage command, List<Upload> uploads, TicketStatus submitAs,
			AuthenticatedUser by) {
		Ticket ticket = access.lockedForMessage(id, by);
		Visibility visibility = command.visibility() == null ? Visibility.PUBLIC : command.visibility();
		if (by.isContact() && visibility == Visibility.INTERNAL) {
			throw InvalidInputException.of("visibility", "errors.ticket.customer-public-only");
		}
		if (by.isContact() && submitAs != null) {
			throw InvalidInputException.of("submitAs", "errors.ticket.customer-status");
		}
		Instant now = clock.instant();
		Actor actor = Actor.of(by);
		Message message = new Message(ticket.getId(), actor.kind(), by.id(), visibility,
				Bodies.html(command.body(), command.format(), "body"), now);
		Set<Long> mentioned = visibility == Visibility.INTERNAL ? mentions.in(command.body()) : Set.of();
		append(ticket, message, uploads, ticket.getChannel(), mentioned, actor, now);
		if (submitAs != null && submitAs != ticket.getStatus()) {
			ticket.changeStatus(submitAs, actor, now);
		}
		store.save(ticket);
		return uploads == null || uploads.isEmpty() ? views.withoutFiles(message)
				: views.messages(List.of(message)).get(0);
	}

	/**
	 * Stores a message on a ticket locked by the caller and lets the ticket react to it. An agent's public reply to
	 * a ticket nobody owns assigns it to them if they belong to its group.
	 */
	Message append(Ticket ticket, Message message, List<Upload> uploads, Channel channel, Set<Long> mentioned,
			Actor actor, Instant now) {
		messages.save(message);
		files.store(ticket.getId(), message.getId(), uploads, now);
		boolean replierMayTakeIt = actor.kind() == AuthorKind.AGENT && message.getVisibility() == Visibility.PUBLIC
				&& ticket.getAssigneeId() == null && identity.isActiveMember(actor.id(), ticket.getGroupId());
		ticket.messageAdded(message, channel, mentioned, actor, replierMayTakeIt, now);
		return message;
	}
}

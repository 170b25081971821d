package io.rapport.tickets.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.Upload;
import io.rapport.tickets.Visibility;

import org.springframework.stereotype.Component;

/**
 * Opens a ticket with its first message and files, for every way in: the API and pages ({@link TicketCreation})
 * and the channels ({@link Intake}). The ticket, its message, its files and its events are written in the caller's
 * transaction, with no query beyond those inserts (the id comes from {@link IdBlocks}, the group from a cache, the
 * search keys from the requester in hand; only a requester's account is read).
 */
@Component
class TicketOpening {

	private final IdBlocks ids;

	private final IdentityApi identity;

	private final Messages messages;

	private final TicketAttachments files;

	private final TicketStore store;

	private final AccountsApi accounts;

	private final Clock clock;

	TicketOpening(IdBlocks ids, IdentityApi identity, Messages messages, TicketAttachments files, TicketStore store,
			AccountsApi accounts, Clock clock) {
		this.ids = ids;
		this.accounts = accounts;
		this.identity = identity;
		this.messages = messages;
		this.files = files;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * @param agentId the agent who writes the description for the requester (a phone call), or null when the
	 * requester wrote it
	 */
	Opened open(Request request, ContactView requester, Long agentId) {
		Instant now = clock.instant();
		GroupView group = identity.requireGroup("group", request.group() == null ? GroupView.TIER1 : request.group());
		Ticket ticket = Ticket.open(ids.nextTicketId(), request.subject().strip(), requester.id(),
				requester.accountId(), request.type() == null ? TicketType.QUESTION : request.type(),
				request.priority() == null ? TicketPriority.NORMAL : request.priority(), request.channel(), group.id(),
				group.key(), Tags.normalize(request.tags(), "tags"), agentId, now);
		TicketSearchKeys.Keys keys = TicketSearchKeys.keys(ticket.getSubject(), requester,
				requester.accountId() == null ? null : accounts.account(requester.accountId()).orElse(null));
		ticket.indexAs(keys.search(), keys.requester(), keys.account());
		ticket.readBy(requester.locale());
		store.add(ticket);
		Message description = agentId == null
				? new Message(ticket.getId(), AuthorKind.CONTACT, requester.id(), Visibility.PUBLIC,
						request.bodyHtml(), now)
				: new Message(ticket.getId(), AuthorKind.AGENT, agentId, Visibility.PUBLIC, request.bodyHtml(), now)
					.onBehalfOf(requester.id());
		description.receivedAs(request.source(), request.externalId())
			.asReceived(request.autoReply(), request.quotedHtml());
		messages.save(description);
		files.store(ticket.getId(), description.getId(), request.uploads(), now);
		ticket.described(description, request.channel(), now);
		store.publish(ticket);
		return new Opened(ticket, description);
	}

	/**
	 * What a new ticket is made of; the body and quoted part are already sanitized HTML. {@code group} is the key of
	 * the group it lands in, null for the first one ({@code tier1}).
	 */
	record Request(String subject, String bodyHtml, TicketType type, TicketPriority priority, Channel channel,
			List<String> tags, List<Upload> uploads, String source, String externalId, String group,
			boolean autoReply, String quotedHtml) {

		Request(String subject, String bodyHtml, TicketType type, TicketPriority priority, Channel channel,
				List<String> tags, List<Upload> uploads, String source, String externalId) {
			this(subject, bodyHtml, type, priority, channel, tags, uploads, source, externalId, null, false, null);
		}
	}

	record Opened(Ticket ticket, Message message) {
	}
}

package io.rapport.tickets.internal;

import java.util.Collection;
import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.PageResult;
import io.rapport.tickets.BulkChange;
import io.rapport.tickets.BulkResult;
import io.rapport.tickets.ChangeView;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketSort;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Upload;

import org.springframework.stereotype.Service;

/**
 * The tickets facade: each call goes to the use case that owns it (creating, triage, the conversation, reads).
 * Rules live in those classes and in {@link Ticket}; this class only routes.
 */
@Service
class TicketService implements TicketsApi {

	private final TicketCreation creation;

	private final TicketTriage triage;

	private final TicketConversation conversation;

	private final TicketQueries queries;

	private final TicketQueues queues;

	private final SavedViewService savedViews;

	TicketService(TicketCreation creation, TicketTriage triage, TicketConversation conversation,
			TicketQueries queries, TicketQueues queues, SavedViewService savedViews) {
		this.savedViews = savedViews;
		this.creation = creation;
		this.triage = triage;
		this.conversation = conversation;
		this.queries = queries;
		this.queues = queues;
	}

	@Override
	public TicketView create(NewTicket ticket, AuthenticatedUser by) {
		return creation.create(ticket, List.of(), by);
	}

	@Override
	public TicketView create(NewTicket ticket, List<Upload> uploads, AuthenticatedUser by) {
		return creation.create(ticket, uploads, by);
	}

	@Override
	public TicketView get(long id, AuthenticatedUser by) {
		return queries.get(id, by);
	}

	@Override
	public PageResult<TicketView> list(TicketFilter filter, int page, int size, AuthenticatedUser by) {
		return queries.list(filter, page, size, by);
	}

	@Override
	public TicketView update(long id, TicketUpdate update, AuthenticatedUser by) {
		return triage.update(id, update, by);
	}

	@Override
	public MessageView addMessage(long id, NewMessage message, List<Upload> uploads, AuthenticatedUser by) {
		return conversation.reply(id, message, uploads, null, by);
	}

	@Override
	public MessageView reply(long id, NewMessage message, List<Upload> uploads, TicketStatus submitAs,
			AuthenticatedUser by) {
		return conversation.reply(id, message, uploads, submitAs, by);
	}

	@Override
	public List<MessageView> messages(long id, AuthenticatedUser by) {
		return queries.messages(id, by);
	}

	@Override
	public TicketView escalate(long id, String toGroup, String reason, AuthenticatedUser by) {
		return triage.escalate(id, toGroup, reason, by);
	}

	@Override
	public List<ChangeView> history(long id, AuthenticatedUser by) {
		return queries.history(id, by);
	}

	@Override
	public AttachmentDownload attachment(long attachmentId, AuthenticatedUser by) {
		return queries.attachment(attachmentId, by);
	}

	@Override
	public QueueCounts counts(AuthenticatedUser agent) {
		return queries.counts(agent);
	}

	@Override
	public PageResult<TicketView> list(TicketFilter filter, TicketSort sort, int page, int size, AuthenticatedUser by) {
		return queues.list(filter, sort, page, size, by);
	}

	@Override
	public BulkResult bulkChange(Collection<Long> ticketIds, BulkChange change, AuthenticatedUser by) {
		return queues.bulkChange(ticketIds, change, by);
	}

	@Override
	public long saveView(String name, boolean shared, String query, AuthenticatedUser by) {
		return savedViews.save(by, name, shared, query).getId();
	}
}

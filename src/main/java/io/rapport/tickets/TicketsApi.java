package io.rapport.tickets;

import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.PageResult;

/**
 * Everything pages, the API and other modules do with tickets. Every call names who asks; reads a customer may
 * not make answer {@link TicketNotFoundException}, exactly as for a ticket that does not exist.
 */
public interface TicketsApi {

	/**
	 * Opens a ticket. A customer's ticket is a request: they are its requester, and their priority and tags are
	 * ignored. An agent opening a ticket for a customer writes its description on the customer's behalf.
	 */
	TicketView create(NewTicket ticket, AuthenticatedUser by);

	/** The same, with files on the description (the portal's form). */
	TicketView create(NewTicket ticket, List<Upload> uploads, AuthenticatedUser by);

	TicketView get(long id, AuthenticatedUser by);

	PageResult<TicketView> list(TicketFilter filter, int page, int size, AuthenticatedUser by);

	TicketView update(long id, TicketUpdate update, AuthenticatedUser by);

	/** Adds a reply or note; never refused because another message or change landed at the same moment. */
	MessageView addMessage(long id, NewMessage message, List<Upload> uploads, AuthenticatedUser by);

	/**
	 * A reply "submitted as" a status: the message and the status change are stored in one transaction, so either
	 * both happened or neither did. {@code submitAs} null keeps the status (agents only).
	 */
	MessageView reply(long id, NewMessage message, List<Upload> uploads, TicketStatus submitAs, AuthenticatedUser by);

	List<MessageView> messages(long id, AuthenticatedUser by);

	TicketView escalate(long id, String toGroup, String reason, AuthenticatedUser by);

	List<ChangeView> history(long id, AuthenticatedUser by);

	AttachmentDownload attachment(long attachmentId, AuthenticatedUser by);

	QueueCounts counts(AuthenticatedUser agent);

	/** A page of tickets in the given order (then by id), for queues agents sort by any column. */
	PageResult<TicketView> list(TicketFilter filter, TicketSort sort, int page, int size, AuthenticatedUser by);

	/**
	 * Applies one change to each ticket in turn, each in its own transaction with its own version check, so one
	 * closed or concurrently changed ticket is skipped (and said why) without undoing the others. Agents only.
	 */
	BulkResult bulkChange(java.util.Collection<Long> ticketIds, BulkChange change, AuthenticatedUser by);

	/** The numbers the agent sidebar shows beside each view. */
	/**
	 * Saves a view of the queue for the agent (or, {@code shared}, for every agent: admins only). The query is the
	 * queue page's query string ({@code view=all&priority=HIGH&assignee=unassigned}). Answers the view's id.
	 */
	long saveView(String name, boolean shared, String query, AuthenticatedUser by);

	record QueueCounts(long mine, long unassignedInMyGroups, Map<String, Long> unsolvedByGroup, long allUnsolved) {
	}

	record AttachmentDownload(String filename, String contentType, byte[] content) {
	}
}

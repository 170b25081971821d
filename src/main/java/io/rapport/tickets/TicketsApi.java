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

	TicketView create(NewTicket ticket, AuthenticatedUser by);

	TicketView get(long id, AuthenticatedUser by);

	PageResult<TicketView> list(TicketFilter filter, int page, int size, AuthenticatedUser by);

	TicketView update(long id, TicketUpdate update, AuthenticatedUser by);

	MessageView addMessage(long id, NewMessage message, List<Upload> uploads, AuthenticatedUser by);

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
	record QueueCounts(long mine, long unassignedInMyGroups, Map<String, Long> unsolvedByGroup, long allUnsolved) {
	}

	record AttachmentDownload(String filename, String contentType, byte[] content) {
	}
}

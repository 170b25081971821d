package io.rapport.tickets;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a ticket for a module acting on its own, where no person asks: an event listener deciding whom to notify,
 * a job. No access rule applies, so what it returns must never be shown to a person who could not read it through
 * {@link TicketsApi#get}.
 */
public interface TicketLookup {

	Optional<TicketView> find(long id);

	/**
	 * The few facts a notice about a ticket names (its number, subject, assignee and requester), read without the
	 * conversation, tags or history that {@link #find} assembles: listeners that run for every message use this.
	 */
	Optional<TicketHeader> header(long id);

	record TicketHeader(long id, long number, String subject, Long assigneeId, long requesterId) {
	}

	/**
	 * Tickets of the given types in id order, after {@code afterId}, at most {@code limit}: a read model that follows
	 * tickets of some types (product feedback follows feature requests and complaints) rebuilds from this, since
	 * imports publish no events.
	 */
	List<TicketSummary> ofTypes(Set<TicketType> types, long afterId, int limit);

	/** The same summary for one ticket. */
	Optional<TicketSummary> summary(long id);

	/**
	 * The customer's own words on each ticket: the first public message the requester wrote (or an agent wrote on
	 * their behalf), as plain text cut to {@code maxLength} characters. Tickets without one are absent.
	 */
	Map<Long, String> firstCustomerWords(Collection<Long> ticketIds, int maxLength);

	/** When each requester of the account last opened a ticket for it: the people section of the customer 360. */
	Map<Long, Instant> lastTicketByRequester(long accountId);

	record TicketSummary(long id, long number, String subject, TicketType type, TicketStatus status, long requesterId,
			Long accountId, Instant createdAt) {
	}
}

package io.rapport.tickets;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What reports rebuild from: one flat row per ticket, read in one query, for read models such as analytics that
 * keep their own copy of these facts (fed by the ticket events) and must be able to start again from the source.
 */
public interface TicketFacts {

	/**
	 * A ticket's facts. {@code firstResponseAt} is when a person first answered it: the first public reply of an
	 * agent, never the description an agent wrote for the customer, a message written on the customer's behalf, an
	 * automatic answer or a message by Rapport itself (rules, bots); {@code firstResponderId} is that agent.
	 * {@code version} is the ticket's version when these facts were read: it grows with every change of them, so a
	 * read model that keeps the facts of the highest version it saw never goes back to older ones.
	 */
	record Fact(long ticketId, long number, Instant createdAt, Channel channel, String groupKey,
			TicketPriority priority, TicketType type, Long accountId, long requesterId, Long assigneeId,
			Instant firstResponseAt, Long firstResponderId, Instant solvedAt, TicketStatus status, long version) {
	}

	/** Calls {@code each} once per ticket, in id order, streaming (never the whole table in memory). */
	void forEach(Consumer<Fact> each);

	Optional<Fact> fact(long ticketId);

	/**
	 * How support went for the accounts whose id is between {@code fromAccountId} and {@code toAccountId} (both
	 * included), as of {@code at}: tickets opened more than seven days before and not solved at that moment, and
	 * tickets escalated in the thirty days before it. For health scores, a thousand accounts per call; an account
	 * with neither is absent.
	 */
	Map<Long, AccountSupport> support(long fromAccountId, long toAccountId, Instant at);

	/** One account's support facts as of a moment (see {@link #support}). */
	record AccountSupport(long accountId, long unsolvedAfter7Days, long escalatedIn30Days) {
	}
}

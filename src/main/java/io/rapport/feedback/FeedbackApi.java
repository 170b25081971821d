package io.rapport.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.PageResult;
import io.rapport.tickets.TicketType;

/**
 * Product feedback for pages, the API and the demo: topics, the feature requests and complaints linked to them
 * (one topic per ticket), their ranking, and telling every requester when a topic ships. Agents only: a customer
 * gets a 404 from every method that names who asks.
 */
public interface FeedbackApi {

	/** The ticket types that are product feedback. */
	Set<TicketType> KINDS = Set.of(TicketType.FEATURE_REQUEST, TicketType.COMPLAINT);

	TopicView create(NewTopic topic, AuthenticatedUser by);

	TopicView topic(long id, AuthenticatedUser by);

	/** Changes what is given (null keeps it); {@code expectedVersion}, when given, must be the current one. */
	TopicView change(long id, TopicChange change, AuthenticatedUser by);

	/**
	 * Topics with their counts, most tickets first (then most accounts, then the newest). {@code states} and
	 * {@code kinds} empty mean all; with a kind, only its tickets are counted and topics without any are left out.
	 */
	List<RankedTopic> ranking(Set<TopicState> states, Set<TicketType> kinds, AuthenticatedUser by);

	/** The topic's tickets of both kinds, newest first. */
	List<FeedbackTicket> ticketsOf(long topicId, AuthenticatedUser by);

	/**
	 * Links a feature request or complaint to a topic, moving it from the topic it was in (one topic per ticket).
	 * Another type of ticket is a conflict.
	 */
	FeedbackTicket link(long ticketId, long topicId, AuthenticatedUser by);

	/** Starts a topic from a ticket and links the ticket to it. */
	TopicView startFrom(long ticketId, NewTopic topic, AuthenticatedUser by);

	/** Takes the ticket out of its topic: it is unsorted again. */
	void unlink(long ticketId, AuthenticatedUser by);

	/** The topic a ticket is linked to, if any. */
	Optional<TopicView> topicOf(long ticketId, AuthenticatedUser by);

	/** Up to {@code limit} topics whose words are closest to the ticket's subject and first message, best first. */
	List<Suggestion> suggest(long ticketId, int limit, AuthenticatedUser by);

	/** Feature requests and complaints in no topic yet, newest first. */
	PageResult<FeedbackTicket> unsorted(int page, int size, AuthenticatedUser by);

	long unsortedCount();

	/**
	 * Posts {@code message} as a public reply, by {@code by}, on every ticket of a shipped topic that was not told
	 * yet (closed tickets are skipped and counted). A second call posts nothing on the tickets already told.
	 */
	NoticeResult notifyRequesters(long topicId, String message, AuthenticatedUser by);

	/** Re-reads every feature request and complaint from the tickets module (links are kept). Admins only. */
	int rebuild(AuthenticatedUser by);

	record NewTopic(String title, String description) {
	}

	record TopicChange(String title, String description, TopicState state, Long expectedVersion) {
	}

	record TopicView(long id, String title, String description, TopicState state, long createdBy, Instant createdAt,
			Instant updatedAt, Instant stateChangedAt, Instant notifiedAt, long version) {
	}

	/**
	 * A topic's place in the ranking. {@code lastPeriod} counts its tickets created in the last 30 days,
	 * {@code periodBefore} in the 30 days before; {@code customers} distinct requesters, {@code accounts} distinct
	 * accounts (tickets without an account count as customers only).
	 */
	record RankedTopic(TopicView topic, long tickets, long accounts, long customers, long requests, long complaints,
			long lastPeriod, long periodBefore) {

		public long trend() {
			return lastPeriod - periodBefore;
		}
	}

	/** A feature request or complaint as product feedback knows it; {@code words} the customer's first message. */
	record FeedbackTicket(long ticketId, long number, TicketType type, long requesterId, Long accountId,
			Instant createdAt, String words, Long topicId, Instant linkedAt) {
	}

	record Suggestion(TopicView topic, int score) {
	}

	/** What "notify every requester" did: replies posted now, tickets told before, closed tickets skipped. */
	record NoticeResult(int posted, int alreadyNotified, int skippedClosed) {
	}
}

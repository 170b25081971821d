package io.rapport.feedback.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.rapport.feedback.FeedbackApi;
import io.rapport.feedback.TopicState;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.PageResult;
import io.rapport.tickets.TicketLookup;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade: checks who asks (agents only; a customer gets a 404 as for anything not theirs) and which tickets
 * may be linked, then hands over to the topic book, the read model, the ranking and the notices.
 */
@Service
class Feedback implements FeedbackApi {

	private final TopicBook topics;

	private final FeedbackRows rows;

	private final Ranking ranking;

	private final Suggestions suggestions;

	private final RequesterNotices notices;

	private final FeedbackInbox inbox;

	private final TicketsApi tickets;

	private final TicketLookup lookup;

	Feedback(TopicBook topics, FeedbackRows rows, Ranking ranking, Suggestions suggestions, RequesterNotices notices,
			FeedbackInbox inbox, TicketsApi tickets, TicketLookup lookup) {
		this.topics = topics;
		this.rows = rows;
		this.ranking = ranking;
		this.suggestions = suggestions;
		this.notices = notices;
		this.inbox = inbox;
		this.tickets = tickets;
		this.lookup = lookup;
	}

	@Override
	public TopicView create(NewTopic topic, AuthenticatedUser by) {
		by.requireAgent();
		return topics.create(topic, by.id());
	}

	@Override
	public TopicView topic(long id, AuthenticatedUser by) {
		by.requireAgent();
		return topics.get(id);
	}

	@Override
	public TopicView change(long id, TopicChange change, AuthenticatedUser by) {
		by.requireAgent();
		return topics.change(id, change);
	}

	@Override
	public List<RankedTopic> ranking(Set<TopicState> states, Set<TicketType> kinds, AuthenticatedUser by) {
		by.requireAgent();
		return ranking.rank(states, kinds);
	}

	@Override
	public List<FeedbackTicket> ticketsOf(long topicId, AuthenticatedUser by) {
		by.requireAgent();
		topics.get(topicId);
		return rows.ofTopic(topicId);
	}

	@Override
	@Transactional
	public FeedbackTicket link(long ticketId, long topicId, AuthenticatedUser by) {
		linkable(ticketId, by);
		topics.find(topicId)
			.orElseThrow(() -> InvalidInputException.of("topicId", "errors.feedback.topic-not-found", topicId));
		rows.link(ticketId, topicId, by.id());
		return rows.find(ticketId).orElseThrow();
	}

	@Override
	@Transactional
	public TopicView startFrom(long ticketId, NewTopic topic, AuthenticatedUser by) {
		linkable(ticketId, by);
		TopicView created = topics.create(topic, by.id());
		rows.link(ticketId, created.id(), by.id());
		return created;
	}

	@Override
	@Transactional
	public void unlink(long ticketId, AuthenticatedUser by) {
		by.requireAgent();
		tickets.get(ticketId, by);
		rows.link(ticketId, null, by.id());
	}

	@Override
	public Optional<TopicView> topicOf(long ticketId, AuthenticatedUser by) {
		by.requireAgent();
		return rows.find(ticketId).filter(row -> KINDS.contains(row.type()) && row.topicId() != null)
			.flatMap(row -> topics.find(row.topicId()));
	}

	@Override
	public List<Suggestion> suggest(long ticketId, int limit, AuthenticatedUser by) {
		by.requireAgent();
		TicketView ticket = tickets.get(ticketId, by);
		String words = lookup.firstCustomerWords(List.of(ticketId), FeedbackRows.MAX_WORDS).get(ticketId);
		return suggestions.forText(ticket.subject(), words, limit);
	}

	@Override
	public PageResult<FeedbackTicket> unsorted(int page, int size, AuthenticatedUser by) {
		by.requireAgent();
		int p = Math.max(0, page);
		int s = Math.min(Math.max(1, size), 100);
		return new PageResult<>(rows.unsorted(p * s, s), p, s, rows.unsortedCount());
	}

	@Override
	public long unsortedCount() {
		return rows.unsortedCount();
	}

	@Override
	public NoticeResult notifyRequesters(long topicId, String message, AuthenticatedUser by) {
		by.requireAgent();
		return notices.notifyAll(topicId, message, by);
	}

	@Override
	@Transactional
	public int rebuild(AuthenticatedUser by) {
		by.requireAdmin();
		return inbox.rebuild();
	}

	/** The ticket exists for this agent, is a feature request or complaint, and is in the read model. */
	private void linkable(long ticketId, AuthenticatedUser by) {
		by.requireAgent();
		TicketView ticket = tickets.get(ticketId, by);
		if (ticket.type() == null || !KINDS.contains(ticket.type())) {
			throw ConflictException.of("errors.feedback.ticket-type");
		}
		inbox.capture(ticketId);
	}
}

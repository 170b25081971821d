package io.rapport.feedback.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.rapport.feedback.FeedbackApi.FeedbackTicket;
import io.rapport.feedback.FeedbackApi.NoticeResult;
import io.rapport.feedback.FeedbackApi.TopicView;
import io.rapport.feedback.TopicState;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewMessage.BodyFormat;
import io.rapport.tickets.TicketNotFoundException;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Notify every requester" of a shipped topic: one public reply per ticket, posted through {@link TicketsApi} as
 * the agent, so the ticket's channel (email) carries it. Each ticket is told in its own transaction that first
 * claims the ticket in {@code feedback_notices} (primary key topic + ticket) and then posts the reply: the claim
 * and the reply commit together, so a second click, or two agents at once, never reply twice.
 */
@Component
class RequesterNotices {

	static final int MAX_MESSAGE = 10_000;

	private final TicketsApi tickets;

	private final FeedbackRows rows;

	private final TopicBook topics;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RequesterNotices(TicketsApi tickets, FeedbackRows rows, TopicBook topics, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.tickets = tickets;
		this.rows = rows;
		this.topics = topics;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	NoticeResult notifyAll(long topicId, String message, AuthenticatedUser agent) {
		TopicView topic = topics.get(topicId);
		if (topic.state() != TopicState.SHIPPED) {
			throw ConflictException.of("errors.feedback.not-shipped");
		}
		String text = message == null ? "" : message.strip();
		if (text.isEmpty() || text.length() > MAX_MESSAGE) {
			throw InvalidInputException.of("message", "errors.feedback.message", MAX_MESSAGE);
		}
		int posted = 0;
		int already = 0;
		int closed = 0;
		List<FeedbackTicket> linked = rows.ofTopic(topicId);
		for (FeedbackTicket ticket : linked) {
			switch (tell(topicId, ticket.ticketId(), text, agent)) {
				case POSTED -> posted++;
				case ALREADY -> already++;
				case CLOSED -> closed++;
				default -> {
				}
			}
		}
		if (posted > 0) {
			topics.notified(topicId, agent.id());
		}
		return new NoticeResult(posted, already, closed);
	}

	private enum Outcome {
		POSTED, ALREADY, CLOSED, GONE
	}

	private Outcome tell(long topicId, long ticketId, String text, AuthenticatedUser agent) {
		try {
			return transactions.execute(status -> {
				Integer told = jdbc.queryForObject(
						"select count(*) from feedback_notices where topic_id = ? and ticket_id = ?", Integer.class,
						topicId, ticketId);
				if (told != null && told > 0) {
					return Outcome.ALREADY;
				}
				TicketView ticket = tickets.get(ticketId, agent);
				if (ticket.status() == TicketStatus.CLOSED) {
					return Outcome.CLOSED;
				}
				jdbc.update("insert into feedback_notices (topic_id, ticket_id, by_agent, posted_at) values (?, ?, ?, ?)",
						topicId, ticketId, agent.id(), Timestamp.from(clock.instant()));
				MessageView reply = tickets.reply(ticketId, new NewMessage(text, Visibility.PUBLIC, BodyFormat.TEXT),
						List.of(), null, agent);
				jdbc.update("update feedback_notices set message_id = ? where topic_id = ? and ticket_id = ?",
						reply.id(), topicId, ticketId);
				return Outcome.POSTED;
			});
		}
		catch (DuplicateKeyException e) {
			return Outcome.ALREADY;
		}
		catch (TicketNotFoundException e) {
			return Outcome.GONE;
		}
		catch (ConflictException e) {
			// closed between the check and the reply
			return Outcome.CLOSED;
		}
	}
}

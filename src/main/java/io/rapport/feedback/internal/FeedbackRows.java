package io.rapport.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rapport.feedback.FeedbackApi.FeedbackTicket;
import io.rapport.tickets.TicketLookup.TicketSummary;
import io.rapport.tickets.TicketType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code feedback_tickets} read model: one row per feature request or complaint, with its topic (null while
 * unsorted). Writing a ticket's facts never touches its link, so the listener, a rebuild and an agent linking the
 * ticket can run in any order.
 */
@Component
class FeedbackRows {

	static final int MAX_WORDS = 600;

	private static final String COLUMNS = "f.ticket_id, f.ticket_number, f.ticket_type, f.requester_id, f.account_id, "
			+ "f.created_at, f.words, f.topic_id, f.linked_at";

	private static final RowMapper<FeedbackTicket> ROW = FeedbackRows::row;

	private static final List<String> KIND_NAMES = List.of(TicketType.FEATURE_REQUEST.name(),
			TicketType.COMPLAINT.name());

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final Clock clock;

	FeedbackRows(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.clock = clock;
	}

	/** Inserts or refreshes the ticket's facts (type, account); its topic stays as it is. */
	void upsert(TicketSummary facts, String words) {
		int inserted = jdbc.update("""
				insert into feedback_tickets (ticket_id, ticket_number, ticket_type, requester_id, account_id,
				created_at, words) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", facts.id(), facts.number(),
				facts.type().name(), facts.requesterId(), facts.accountId(), Timestamp.from(facts.createdAt()), words);
		if (inserted == 0) {
			jdbc.update("""
					update feedback_tickets set ticket_number = ?, ticket_type = ?, requester_id = ?, account_id = ?,
					created_at = ?, words = coalesce(?, words) where ticket_id = ?""", facts.number(),
					facts.type().name(), facts.requesterId(), facts.accountId(), Timestamp.from(facts.createdAt()),
					words, facts.id());
		}
	}

	Optional<FeedbackTicket> find(long ticketId) {
		return jdbc.query("select " + COLUMNS + " from feedback_tickets f where f.ticket_id = ?", ROW, ticketId)
			.stream().findFirst();
	}

	void link(long ticketId, Long topicId, long by) {
		jdbc.update("update feedback_tickets set topic_id = ?, linked_by = ?, linked_at = ? where ticket_id = ?",
				topicId, topicId == null ? null : by, topicId == null ? null : Timestamp.from(clock.instant()),
				ticketId);
	}

	/** The topic's tickets of both kinds, newest first. */
	List<FeedbackTicket> ofTopic(long topicId) {
		return named.query("select " + COLUMNS + " from feedback_tickets f where f.topic_id = :topic"
				+ " and f.ticket_type in (:kinds) order by f.created_at desc, f.ticket_id desc",
				new MapSqlParameterSource("topic", topicId)
					.addValue("kinds", KIND_NAMES), ROW);
	}

	/** The latest customers' words of each topic, up to {@code each} per topic. */
	List<FeedbackTicket> wordsOf(Collection<Long> topicIds, Collection<String> kinds, int each) {
		if (topicIds.isEmpty()) {
			return List.of();
		}
		List<FeedbackTicket> all = named.query("select " + COLUMNS + " from feedback_tickets f"
				+ " where f.topic_id in (:topics) and f.ticket_type in (:kinds) and f.words is not null"
				+ " order by f.topic_id, f.created_at desc, f.ticket_id desc",
				new MapSqlParameterSource("topics", topicIds)
					.addValue("kinds", kinds), ROW);
		Map<Long, Integer> taken = new HashMap<>();
		return all.stream().filter(t -> taken.merge(t.topicId(), 1, Integer::sum) <= each).toList();
	}

	List<FeedbackTicket> unsorted(int offset, int limit) {
		return named.query("select " + COLUMNS + " from feedback_tickets f where f.topic_id is null"
				+ " and f.ticket_type in (:kinds) order by f.created_at desc, f.ticket_id desc"
				+ " offset " + Math.max(0, offset) + " rows fetch next " + Math.max(1, limit) + " rows only",
				new MapSqlParameterSource("kinds", KIND_NAMES), ROW);
	}

	long unsortedCount() {
		Long count = named.queryForObject("select count(*) from feedback_tickets f where f.topic_id is null"
				+ " and f.ticket_type in (:kinds)",
				new MapSqlParameterSource("kinds", KIND_NAMES), Long.class);
		return count == null ? 0 : count;
	}

	private static FeedbackTicket row(ResultSet rs, int n) throws SQLException {
		long account = rs.getLong("account_id");
		Long accountId = rs.wasNull() ? null : account;
		long topic = rs.getLong("topic_id");
		Long topicId = rs.wasNull() ? null : topic;
		return new FeedbackTicket(rs.getLong("ticket_id"), rs.getLong("ticket_number"),
				TicketType.valueOf(rs.getString("ticket_type")), rs.getLong("requester_id"), accountId,
				TopicBook.instant(rs, "created_at"), rs.getString("words"), topicId, TopicBook.instant(rs, "linked_at"));
	}
}

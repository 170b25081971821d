package io.rapport.tickets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.rapport.identity.IdentityApi;
import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketFacts;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TicketFacts} in one query: the ticket's row and, by a correlated sub-query on the messages index, the agent
 * who wrote the first answer (the same rule {@link Ticket#messageAdded} applies to {@code first_response_at}).
 */
@Component
class JdbcTicketFacts implements TicketFacts {

	private static final String FIRST_RESPONDER = "(select m.author_id from messages m where m.ticket_id = t.id"
			+ " and m.author_kind = 'AGENT' and m.visibility = 'PUBLIC' and m.auto_reply = false"
			+ " and m.on_behalf_of_contact_id is null order by m.created_at, m.id fetch first 1 rows only)";

	private static final String SELECT = "select t.id, t.ticket_number, t.created_at, t.channel, t.group_id,"
			+ " t.priority, t.type, t.account_id, t.requester_id, t.assignee_id, t.first_response_at, "
			+ FIRST_RESPONDER + " as first_responder_id, t.solved_at, t.status, t.version from tickets t";

	private final JdbcTemplate jdbc;

	private final IdentityApi identity;

	JdbcTicketFacts(JdbcTemplate jdbc, IdentityApi identity) {
		this.jdbc = jdbc;
		this.identity = identity;
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Consumer<Fact> each) {
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(1000);
		streaming.query(SELECT + " order by t.id", rs -> {
			each.accept(fact(rs));
		});
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Fact> fact(long ticketId) {
		List<Fact> found = jdbc.query(SELECT + " where t.id = ?", (rs, n) -> fact(rs), ticketId);
		return found.stream().findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, AccountSupport> support(long fromAccountId, long toAccountId, Instant at) {
		java.sql.Timestamp now = java.sql.Timestamp.from(at);
		java.sql.Timestamp weekAgo = java.sql.Timestamp.from(at.minus(java.time.Duration.ofDays(7)));
		java.sql.Timestamp monthAgo = java.sql.Timestamp.from(at.minus(java.time.Duration.ofDays(30)));
		Map<Long, long[]> counts = new HashMap<>();
		jdbc.query("select account_id, count(*) from tickets where account_id between ? and ? and created_at < ? "
				+ "and (status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') or solved_at > ?) group by account_id",
				rs -> {
					counts.computeIfAbsent(rs.getLong(1), id -> new long[2])[0] = rs.getLong(2);
				}, fromAccountId, toAccountId, weekAgo, now);
		jdbc.query("select t.account_id, count(distinct t.id) from tickets t join escalations e on e.ticket_id = t.id "
				+ "where t.account_id between ? and ? and e.escalated_at > ? and e.escalated_at <= ? group by t.account_id",
				rs -> {
					counts.computeIfAbsent(rs.getLong(1), id -> new long[2])[1] = rs.getLong(2);
				}, fromAccountId, toAccountId, monthAgo, now);
		Map<Long, AccountSupport> support = new HashMap<>();
		counts.forEach((account, c) -> support.put(account, new AccountSupport(account, c[0], c[1])));
		return support;
	}

	private Fact fact(ResultSet rs) throws SQLException {
		return new Fact(rs.getLong("id"), rs.getLong("ticket_number"), instant(rs, "created_at"),
				Channel.valueOf(rs.getString("channel")), identity.groupKey(rs.getLong("group_id")),
				TicketPriority.valueOf(rs.getString("priority")), TicketType.valueOf(rs.getString("type")),
				nullableLong(rs, "account_id"), rs.getLong("requester_id"), nullableLong(rs, "assignee_id"),
				instant(rs, "first_response_at"), nullableLong(rs, "first_responder_id"), instant(rs, "solved_at"),
				TicketStatus.valueOf(rs.getString("status")), rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}

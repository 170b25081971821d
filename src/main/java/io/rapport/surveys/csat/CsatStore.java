package io.rapport.surveys.csat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.rapport.tickets.Channel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The tables of CSAT surveys and answers, in plain SQL that runs on H2 and PostgreSQL alike. */
@Repository
class CsatStore {

	private static final String SURVEY_COLUMNS = "id, ticket_id, contact_id, solved_at, due_at, state, account_id, "
			+ "agent_id, group_key, channel, language, offered_at, expires_at, outbox_id, rating, rated_at";

	private static final String ANSWER_COLUMNS = "id, ticket_id, survey_id, contact_id, account_id, agent_id, "
			+ "group_key, channel, rating, comment, surveyed_at, first_rated_at, rated_at";

	private final JdbcTemplate jdbc;

	CsatStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	boolean surveyExists(long ticketId, Instant solvedAt) {
		Integer n = jdbc.queryForObject("select count(*) from csat_surveys where ticket_id = ? and solved_at = ?",
				Integer.class, ticketId, at(solvedAt));
		return n != null && n > 0;
	}

	Optional<Survey> surveyFor(long ticketId, Instant solvedAt) {
		return jdbc.query("select " + SURVEY_COLUMNS + " from csat_surveys where ticket_id = ? and solved_at = ?",
				CsatStore::survey, ticketId, at(solvedAt)).stream().findFirst();
	}

	long insertSurvey(Survey s, Instant now) {
		Long id = jdbc.queryForObject("select nextval('csat_surveys_seq')", Long.class);
		jdbc.update("insert into csat_surveys (id, ticket_id, contact_id, solved_at, due_at, state, account_id, agent_id, "
				+ "group_key, channel, language, offered_at, expires_at, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, s.ticketId(), s.contactId(), at(s.solvedAt()),
				at(s.dueAt()), s.state().name(), s.accountId(), s.agentId(), s.groupKey(), s.channel().name(),
				s.language(), at(s.offeredAt()), at(s.expiresAt()), at(now));
		return id;
	}

	/** Earlier surveys of the ticket that still wait or are open: a new solve asks again, so they end. */
	int supersedeEarlier(long ticketId, long latestId) {
		return jdbc.update("update csat_surveys set state = 'SUPERSEDED' where ticket_id = ? and id < ? "
				+ "and state in ('SCHEDULED', 'SENT', 'OFFERED')", ticketId, latestId);
	}

	/** Cancels the ticket's waiting surveys about solves before {@code reopenedAt} (not a later solve's). */
	int cancelScheduled(long ticketId, Instant reopenedAt) {
		return jdbc.update("update csat_surveys set state = 'CANCELLED_REOPENED' where ticket_id = ? and state = 'SCHEDULED' "
				+ "and solved_at <= ?", ticketId, at(reopenedAt));
	}

	List<Long> dueIds(Instant now, int limit) {
		return jdbc.queryForList("select id from csat_surveys where state = 'SCHEDULED' and due_at <= ? order by due_at, id "
				+ "fetch first " + limit + " rows only", Long.class, at(now));
	}

	/** The survey, locked until the transaction ends, so that a job run and a click never interleave on it. */
	Optional<Survey> lock(long id) {
		return jdbc.query("select " + SURVEY_COLUMNS + " from csat_surveys where id = ? for update", CsatStore::survey, id)
			.stream().findFirst();
	}

	Optional<Survey> survey(long id) {
		return jdbc.query("select " + SURVEY_COLUMNS + " from csat_surveys where id = ?", CsatStore::survey, id)
			.stream().findFirst();
	}

	Optional<Long> surveyIdByTokenHash(String hash) {
		return jdbc.queryForList("select id from csat_surveys where token_hash = ?", Long.class, hash).stream().findFirst();
	}

	/** The ticket's latest survey that was opened to its requester (sent or offered), whatever its state now. */
	Optional<Survey> latestOpened(long ticketId) {
		return jdbc.query("select " + SURVEY_COLUMNS + " from csat_surveys where ticket_id = ? and offered_at is not null "
				+ "order by id desc fetch first 1 rows only", CsatStore::survey, ticketId).stream().findFirst();
	}

	List<Survey> surveysOf(long ticketId) {
		return jdbc.query("select " + SURVEY_COLUMNS + " from csat_surveys where ticket_id = ? order by id",
				CsatStore::survey, ticketId);
	}

	void end(long id, Survey.State state) {
		jdbc.update("update csat_surveys set state = ? where id = ?", state.name(), id);
	}

	void open(long id, Survey.State state, String tokenHash, Instant offeredAt, Instant expiresAt, Long outboxId) {
		jdbc.update("update csat_surveys set state = ?, token_hash = ?, offered_at = ?, expires_at = ?, outbox_id = ? "
				+ "where id = ?", state.name(), tokenHash, at(offeredAt), at(expiresAt), outboxId, id);
	}

	void rated(long surveyId, int rating, Instant at) {
		jdbc.update("update csat_surveys set rating = ?, rated_at = ? where id = ?", rating, at(at), surveyId);
	}

	Optional<Answer> answerOf(long ticketId) {
		return jdbc.query("select " + ANSWER_COLUMNS + " from csat_answers where ticket_id = ?", CsatStore::answer, ticketId)
			.stream().findFirst();
	}

	long insertAnswer(Survey s, int rating, String comment, Instant at) {
		Long id = jdbc.queryForObject("select nextval('csat_answers_seq')", Long.class);
		jdbc.update("insert into csat_answers (" + ANSWER_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
				s.ticketId(), s.id(), s.contactId(), s.accountId(), s.agentId(), s.groupKey(), s.channel().name(), rating,
				comment, at(s.offeredAt()), at(at), at(at));
		return id;
	}

	void updateAnswer(long answerId, Survey s, int rating, String comment, Instant at) {
		jdbc.update("update csat_answers set survey_id = ?, contact_id = ?, account_id = ?, agent_id = ?, group_key = ?, "
				+ "channel = ?, rating = ?, comment = ?, surveyed_at = ?, rated_at = ? where id = ?", s.id(), s.contactId(),
				s.accountId(), s.agentId(), s.groupKey(), s.channel().name(), rating, comment, at(s.offeredAt()), at(at),
				answerId);
	}

	void eachAnswer(Consumer<Answer> each) {
		jdbc.query("select " + ANSWER_COLUMNS + " from csat_answers order by first_rated_at, id",
				(ResultSet rs) -> each.accept(answer(rs, 0)));
	}

	static Survey survey(ResultSet rs, int row) throws SQLException {
		return new Survey(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("contact_id"), instant(rs, "solved_at"),
				instant(rs, "due_at"), Survey.State.valueOf(rs.getString("state")), nullableLong(rs, "account_id"),
				nullableLong(rs, "agent_id"), rs.getString("group_key"), Channel.valueOf(rs.getString("channel")),
				rs.getString("language"), instant(rs, "offered_at"), instant(rs, "expires_at"),
				nullableLong(rs, "outbox_id"), nullableInt(rs, "rating"), instant(rs, "rated_at"));
	}

	static Answer answer(ResultSet rs, int row) throws SQLException {
		return new Answer(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("survey_id"), rs.getLong("contact_id"),
				nullableLong(rs, "account_id"), nullableLong(rs, "agent_id"), rs.getString("group_key"),
				Channel.valueOf(rs.getString("channel")), rs.getInt("rating"), rs.getString("comment"),
				instant(rs, "surveyed_at"), instant(rs, "first_rated_at"), instant(rs, "rated_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}
}

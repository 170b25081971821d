package io.rapport.channels.email.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbound_mails} table in plain SQL: rows are written once, then only their delivery state changes, and
 * the sender reads hundreds of them a second. Each statement runs in the caller's transaction when there is one
 * (so a mail queued by a listener commits with what caused it), else on its own.
 */
@Repository
class Outbox {

	private static final String COLUMNS = "id, mailbox_id, kind, dedup_key, ticket_id, ticket_message_id, "
			+ "to_addresses, cc_addresses, from_name, subject, body_text, body_html, header_message_id, in_reply_to, "
			+ "references_ids, reply_to, thread_index, auto_submitted, attachment_ids, status, attempts, "
			+ "first_attempt_at, next_attempt_at, last_answer, sent_at, bounce_reason, created_at";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	Outbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	long nextId() {
		Long id = jdbc.queryForObject("select nextval('outbound_mails_seq')", Long.class);
		return id == null ? 0 : id;
	}

	/** Stores the mail unless one with its dedup key exists; answers whether it was stored. */
	boolean insert(OutboundMail m) {
		return jdbc.update("insert into outbound_mails (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", m.id(), m.mailboxId(),
				m.kind().name(), m.dedupKey(), m.ticketId(), m.ticketMessageId(), String.join(",", m.to()),
				joinedOrNull(m.cc(), ","), m.fromName(), m.subject(), m.text(), m.html(), m.messageId(),
				m.inReplyTo(), joinedOrNull(m.references(), " "), m.replyTo(), m.threadIndex(), m.autoSubmitted(),
				joinedOrNull(m.attachmentIds().stream().map(String::valueOf).toList(), ","), m.status().name(),
				m.attempts(), at(m.firstAttemptAt()), at(m.nextAttemptAt()), m.lastAnswer(), at(m.sentAt()),
				m.bounceReason(), at(m.createdAt())) == 1;
	}

	/**
	 * Deletes up to {@code limit} mails sent before {@code before} (with their rendered bodies); failed and bounced
	 * mail stays for a person to look at. Answers how many went.
	 */
	int deleteSentBefore(Instant before, int limit) {
		return jdbc.update("delete from outbound_mails where id in (select id from outbound_mails where status = 'SENT'"
				+ " and sent_at < ? order by sent_at limit ?)", at(before), limit);
	}

	/** Queued mails whose time has come, oldest first. */
	List<OutboundMail> due(Instant now, int limit) {
		return jdbc.query("select " + COLUMNS + " from outbound_mails where status = 'QUEUED' and next_attempt_at <= ?"
				+ " order by next_attempt_at, id limit ?", Outbox::row, at(now), limit);
	}

	Optional<OutboundMail> find(long id) {
		return jdbc.query("select " + COLUMNS + " from outbound_mails where id = ?", Outbox::row, id).stream()
			.findFirst();
	}

	/** The replies mailed for these messages of a ticket, newest last. */
	List<OutboundMail> forMessages(long ticketId, Collection<Long> messageIds) {
		if (messageIds.isEmpty()) {
			return List.of();
		}
		return named.query("select " + COLUMNS + " from outbound_mails where ticket_id = :ticket and kind = 'REPLY'"
				+ " and ticket_message_id in (:messages) order by id", new MapSqlParameterSource("ticket", ticketId)
			.addValue("messages", messageIds), (row, n) -> row(row, n));
	}

	/** The newest rows, optionally of one status, for the outbox page. */
	List<OutboundMail> recent(String status, int limit) {
		return status == null
				? jdbc.query("select " + COLUMNS + " from outbound_mails order by id desc limit ?", Outbox::row, limit)
				: jdbc.query("select " + COLUMNS + " from outbound_mails where status = ? order by id desc limit ?",
						Outbox::row, status, limit);
	}

	void sent(Collection<Delivery> deliveries) {
		jdbc.batchUpdate("update outbound_mails set status = ?, attempts = ?, first_attempt_at = ?, "
				+ "next_attempt_at = ?, last_answer = ?, sent_at = ? where id = ? and status = 'QUEUED'",
				deliveries.stream().map(d -> new Object[] { d.status().name(), d.attempts(), at(d.firstAttemptAt()),
						at(d.nextAttemptAt()), d.answer(), at(d.sentAt()), d.id() }).toList());
	}

	boolean bounced(String messageId, String reason) {
		return jdbc.update("update outbound_mails set status = 'BOUNCED', bounce_reason = ? where header_message_id = ?",
				reason, messageId) > 0;
	}

	/** Puts a failed or bounced mail back in the queue, due now, with a fresh 24 hours of retries. */
	boolean requeue(long id, Instant now) {
		return jdbc.update("update outbound_mails set status = 'QUEUED', attempts = 0, first_attempt_at = null, "
				+ "next_attempt_at = ?, bounce_reason = null where id = ? and status in ('FAILED', 'BOUNCED')", at(now),
				id) == 1;
	}

	/** What became of one attempt at a mail: SENT, QUEUED again later, or FAILED. */
	record Delivery(long id, OutboundMail.Status status, int attempts, Instant firstAttemptAt, Instant nextAttemptAt,
			String answer, Instant sentAt) {
	}

	private static OutboundMail row(ResultSet r, int n) throws SQLException {
		return new OutboundMail(r.getLong("id"), r.getLong("mailbox_id"),
				OutboundMail.Kind.valueOf(r.getString("kind")), r.getString("dedup_key"), nullableLong(r, "ticket_id"),
				nullableLong(r, "ticket_message_id"), split(r.getString("to_addresses"), ","),
				split(r.getString("cc_addresses"), ","), r.getString("from_name"), r.getString("subject"),
				r.getString("body_text"), r.getString("body_html"), r.getString("header_message_id"),
				r.getString("in_reply_to"), split(r.getString("references_ids"), " "), r.getString("reply_to"),
				r.getString("thread_index"), r.getString("auto_submitted"),
				split(r.getString("attachment_ids"), ",").stream().map(Long::valueOf).toList(),
				OutboundMail.Status.valueOf(r.getString("status")), r.getInt("attempts"),
				instant(r, "first_attempt_at"), instant(r, "next_attempt_at"), r.getString("last_answer"),
				instant(r, "sent_at"), r.getString("bounce_reason"), instant(r, "created_at"));
	}

	private static Long nullableLong(ResultSet r, String column) throws SQLException {
		long value = r.getLong(column);
		return r.wasNull() ? null : value;
	}

	private static List<String> split(String value, String separator) {
		return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(separator));
	}

	private static String joinedOrNull(List<String> values, String separator) {
		return values.isEmpty() ? null : String.join(separator, values);
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet r, String column) throws SQLException {
		OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}

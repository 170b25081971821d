package io.rapport.channels.email.inbound;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.rapport.channels.email.MailOutcome;
import io.rapport.shared.Database;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code inbound_mails} table through plain JDBC: a stream of rows written once and updated a few times, where
 * the raw bytes are read only to process a mail or to download it, never with a list.
 */
@Repository
class InboundMails {

	private static final String COLUMNS = "id, mailbox_id, dedupe_key, message_id, size_bytes, received_at, status, "
			+ "outcome, ticket_id, ticket_message_id, attempts, reason, from_address, subject";

	private static final RowMapper<InboundMail> ROW = InboundMails::row;

	private final JdbcTemplate jdbc;

	private final Database database;

	InboundMails(JdbcTemplate jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	/** Stores a received mail; throws {@code DuplicateKeyException} when the mailbox has this key already. */
	long insert(long mailboxId, String dedupeKey, String messageId, byte[] raw, Instant receivedAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement("insert into inbound_mails (mailbox_id, dedupe_key, "
					+ "message_id, raw, size_bytes, received_at, status, attempts) values (?, ?, ?, ?, ?, ?, ?, 0)",
					new String[] { "id" });
			insert.setLong(1, mailboxId);
			insert.setString(2, dedupeKey);
			insert.setString(3, messageId);
			insert.setBytes(4, raw);
			insert.setInt(5, raw.length);
			insert.setTimestamp(6, Timestamp.from(receivedAt));
			insert.setString(7, InboundMail.Status.RECEIVED.name());
			return insert;
		}, keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<InboundMail> find(long id) {
		return jdbc.query("select " + COLUMNS + " from inbound_mails where id = ?", ROW, id).stream().findFirst();
	}

	Optional<InboundMail> findByKey(long mailboxId, String dedupeKey) {
		return jdbc.query("select " + COLUMNS + " from inbound_mails where mailbox_id = ? and dedupe_key = ?", ROW,
				mailboxId, dedupeKey).stream().findFirst();
	}

	/**
	 * The row, locked until the caller's transaction ends: whoever processes a mail holds it, so two processors
	 * (the pipeline and the retry job, on two nodes) never handle one mail twice. {@code skipLocked}: answer empty
	 * instead of waiting when another holds it.
	 */
	Optional<InboundMail> lock(long id, boolean skipLocked) {
		return jdbc.query("select " + COLUMNS + " from inbound_mails where id = ? for update"
				+ (skipLocked ? " skip locked" : ""), ROW, id).stream().findFirst();
	}

	Optional<byte[]> raw(long id) {
		return jdbc.query("select raw from inbound_mails where id = ?", (rs, n) -> rs.getBytes(1), id).stream()
			.filter(bytes -> bytes != null)
			.findFirst();
	}

	/**
	 * Who wrote it, before the flood rule counts the sender's rows (this one included); otherwise written with the
	 * outcome ({@link #finish}).
	 */
	void describe(long id, String fromAddress, String subject) {
		jdbc.update("update inbound_mails set from_address = ?, subject = ? where id = ?", fromAddress, subject, id);
	}

	/** The mail's outcome; a sender and subject, when known, are recorded with it (kept when null). */
	void finish(long id, InboundMail.Status status, MailOutcome outcome, Long ticketId, Long ticketMessageId,
			String reason, String fromAddress, String subject, Instant at) {
		jdbc.update("update inbound_mails set status = ?, outcome = ?, ticket_id = ?, ticket_message_id = ?, "
				+ "reason = ?, from_address = coalesce(?, from_address), subject = coalesce(?, subject), "
				+ "processed_at = ?, last_attempt_at = ? where id = ?", status.name(),
				outcome == null ? null : outcome.name(), ticketId, ticketMessageId, reason, fromAddress, subject,
				Timestamp.from(at), Timestamp.from(at), id);
	}

	/** Counts a failed try; answers the number of tries so far. */
	int attempted(long id, String reason, Instant at) {
		jdbc.update("update inbound_mails set attempts = attempts + 1, reason = ?, last_attempt_at = ? where id = ?",
				reason, Timestamp.from(at), id);
		return jdbc.queryForObject("select attempts from inbound_mails where id = ?", Integer.class, id);
	}

	/** An admin removed the mail from a list: the raw is dropped, the key stays so a redelivery stays a duplicate. */
	void delete(long id) {
		jdbc.update("update inbound_mails set status = ?, raw = null where id = ?", InboundMail.Status.DELETED.name(),
				id);
	}

	/**
	 * Records a mail of a sender under the lock of the sender's row (held until the caller's transaction ends) and
	 * answers how many mails the row has recorded since the sender last paused for at least {@code now -
	 * quietSince}: never fewer than the sender's mails received since {@code quietSince}, this one included, so the
	 * flood rule counts rows only when this is above its limit. Under the lock, mails of one sender processed at the
	 * same moment (two threads, two nodes) are recorded and counted one after the other. A known sender costs one
	 * statement; a new one an insert as well (two new mails of a sender: one insert waits for the other's commit and
	 * does nothing, and that mail updates the row).
	 */
	long seen(long mailboxId, String fromAddress, Instant quietSince, Instant now) {
		while (true) {
			Long recent = recordSeen(mailboxId, fromAddress, quietSince, now);
			if (recent != null) {
				return recent;
			}
			if (jdbc.update("insert into inbound_senders (mailbox_id, from_address, last_seen_at, recent) "
					+ "values (?, ?, ?, 1) on conflict do nothing", mailboxId, fromAddress, Timestamp.from(now)) > 0) {
				return 1;
			}
		}
	}

	/** The update of a known sender's row, null when there is none: PostgreSQL answers the count with it. */
	private Long recordSeen(long mailboxId, String fromAddress, Instant quietSince, Instant now) {
		String update = "update inbound_senders set recent = case when last_seen_at <= ? then 1 else recent + 1 end, "
				+ "last_seen_at = ? where mailbox_id = ? and from_address = ?";
		Object[] args = { Timestamp.from(quietSince), Timestamp.from(now), mailboxId, fromAddress };
		if (database.postgres()) {
			return jdbc.query(update + " returning recent", (rs, n) -> rs.getLong(1), args).stream().findFirst()
				.orElse(null);
		}
		return jdbc.update(update, args) == 0 ? null
				: jdbc.queryForObject("select recent from inbound_senders where mailbox_id = ? and from_address = ?",
						Long.class, mailboxId, fromAddress);
	}

	/** Deletes the sender rows not seen since a moment (their lock is no longer needed); answers how many. */
	int forgetSendersSeenBefore(Instant before) {
		return jdbc.update("delete from inbound_senders where last_seen_at < ?", Timestamp.from(before));
	}

	/** Mails from one sender to one mailbox received since a moment, this one included. */
	long countFrom(long mailboxId, String fromAddress, Instant since) {
		return jdbc.queryForObject("select count(*) from inbound_mails where mailbox_id = ? and from_address = ? "
				+ "and received_at > ?", Long.class, mailboxId, fromAddress, Timestamp.from(since));
	}

	/** Rows left at RECEIVED whose last try (or arrival) is older than the given moment, oldest first. */
	List<Long> pending(Instant before, int limit) {
		return jdbc.queryForList("select id from inbound_mails where status = 'RECEIVED' "
				+ "and coalesce(last_attempt_at, received_at) <= ? order by received_at, id limit ?", Long.class,
				Timestamp.from(before), limit);
	}

	List<InboundMail> listByStatus(InboundMail.Status status, int limit) {
		return jdbc.query("select " + COLUMNS + " from inbound_mails where status = ? order by received_at desc, "
				+ "id desc limit ?", ROW, status.name(), limit);
	}

	long countByStatus(InboundMail.Status status) {
		return jdbc.queryForObject("select count(*) from inbound_mails where status = ?", Long.class, status.name());
	}

	/** Rows per status of one mailbox. */
	List<Object[]> statusCounts(long mailboxId) {
		return jdbc.query("select status, count(*) from inbound_mails where mailbox_id = ? group by status",
				(rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) }, mailboxId);
	}

	/** The mails that became the given messages of a ticket. */
	List<InboundMail> forMessages(long ticketId, List<Long> messageIds) {
		if (messageIds.isEmpty()) {
			return List.of();
		}
		String marks = String.join(",", messageIds.stream().map(id -> "?").toList());
		Object[] args = new Object[messageIds.size() + 1];
		args[0] = ticketId;
		for (int i = 0; i < messageIds.size(); i++) {
			args[i + 1] = messageIds.get(i);
		}
		return jdbc.query("select " + COLUMNS + " from inbound_mails where ticket_id = ? and ticket_message_id in ("
				+ marks + ")", ROW, args);
	}

	private static InboundMail row(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		return new InboundMail(rs.getLong("id"), rs.getLong("mailbox_id"), rs.getString("dedupe_key"),
				rs.getString("message_id"), rs.getInt("size_bytes"),
				rs.getObject("received_at", OffsetDateTime.class).toInstant(),
				InboundMail.Status.valueOf(rs.getString("status")), outcome == null ? null : MailOutcome.valueOf(outcome),
				rs.getObject("ticket_id", Long.class), rs.getObject("ticket_message_id", Long.class),
				rs.getInt("attempts"), rs.getString("reason"), rs.getString("from_address"), rs.getString("subject"));
	}
}

package io.rapport.channels.email.inbound;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code email_messages} rows of received mail (direction IN): the Message-IDs a ticket's mail came with, so
 * that a participant's reply to one of them threads, and outgoing mail can name them in References.
 * Message-IDs are stored without angle brackets.
 */
@Repository
class ReceivedMessageIds {

	private final JdbcTemplate jdbc;

	ReceivedMessageIds(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a received mail on a ticket. The id is one value of the sequence, never a block: JPA's pooled
	 * optimizer, should another writer use it, takes blocks that end at the values it draws, so they never meet.
	 */
	void record(long mailboxId, long ticketId, Long ticketMessageId, String messageId, String threadIndex,
			Instant at) {
		jdbc.update("insert into email_messages (id, mailbox_id, ticket_id, ticket_message_id, direction, "
				+ "header_message_id, thread_index, created_at) values (nextval('email_messages_seq'), ?, ?, ?, 'IN', ?, "
				+ "?, ?)", mailboxId, ticketId, ticketMessageId, MailProcessor.cut(messageId, 998),
				MailProcessor.cut(threadIndex, 200), Timestamp.from(at));
	}

	/** The ticket a received Message-ID belongs to (written with or without angle brackets). */
	Optional<Long> ticketOf(String messageId) {
		String bare = messageId.strip().replaceAll("^<|>$", "");
		return jdbc.queryForList("select ticket_id from email_messages where direction = 'IN' and "
				+ "header_message_id in (?, ?) order by created_at desc limit 1", Long.class, bare, "<" + bare + ">")
			.stream()
			.findFirst();
	}
}

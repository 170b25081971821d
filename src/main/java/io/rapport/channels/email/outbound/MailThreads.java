package io.rapport.channels.email.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Message-IDs of a ticket's conversation ({@code email_messages}, written by inbound for what came in and here
 * for what goes out): the ticket's mailbox, the References chain and the last Thread-Index of a reply.
 */
@Component
class MailThreads {

	/** References longer than this keep the first id and the newest ones, as RFC 5322 suggests. */
	static final int MAX_REFERENCES = 20;

	private final JdbcTemplate jdbc;

	MailThreads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The mailbox the ticket's first mail came in by, if it came by mail. */
	Optional<Long> inboundMailbox(long ticketId) {
		return jdbc.queryForList("select mailbox_id from email_messages where ticket_id = ? and direction = 'IN' "
				+ "order by created_at, id limit 1", Long.class, ticketId).stream().findFirst();
	}

	/** The conversation so far, oldest first: Message-IDs without angle brackets and the newest Thread-Index. */
	Conversation conversation(long ticketId) {
		List<String[]> rows = jdbc.query("select header_message_id, thread_index from email_messages "
				+ "where ticket_id = ? order by created_at, id", (r, n) -> new String[] { strip(r.getString(1)),
						r.getString(2) }, ticketId);
		List<String> ids = rows.stream().map(row -> row[0]).distinct().toList();
		if (ids.size() > MAX_REFERENCES) {
			ids = java.util.stream.Stream.concat(ids.stream().limit(1),
					ids.stream().skip(ids.size() - (MAX_REFERENCES - 1))).toList();
		}
		String threadIndex = null;
		for (String[] row : rows) {
			threadIndex = row[1] == null ? threadIndex : row[1];
		}
		return new Conversation(ids, threadIndex);
	}

	/** Records a mail Rapport is sending for a ticket, so the next one references it. */
	void recordOutbound(long mailboxId, long ticketId, Long ticketMessageId, String messageId, String threadIndex,
			Instant at) {
		jdbc.update("insert into email_messages (id, mailbox_id, ticket_id, ticket_message_id, direction, "
				+ "header_message_id, thread_index, created_at) values (nextval('email_messages_seq'), ?, ?, ?, 'OUT', "
				+ "?, ?, ?)", mailboxId, ticketId, ticketMessageId, messageId, threadIndex, Outbox.at(at));
	}

	static String strip(String messageId) {
		if (messageId == null) {
			return null;
		}
		String s = messageId.strip();
		if (s.startsWith("<") && s.endsWith(">")) {
			s = s.substring(1, s.length() - 1);
		}
		return s;
	}

	/** @param ids Message-IDs without angle brackets, oldest first */
	record Conversation(List<String> ids, String threadIndex) {

		String last() {
			return ids.isEmpty() ? null : ids.get(ids.size() - 1);
		}
	}
}

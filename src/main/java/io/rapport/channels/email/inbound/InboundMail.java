package io.rapport.channels.email.inbound;

import java.time.Instant;

import io.rapport.channels.email.MailOutcome;

/**
 * One received mail as the pipeline and the admin lists see it (a row of {@code inbound_mails}, without its raw
 * bytes).
 */
record InboundMail(long id, long mailboxId, String dedupeKey, String messageId, int size, Instant receivedAt,
		Status status, MailOutcome outcome, Long ticketId, Long ticketMessageId, int attempts, String reason,
		String fromAddress, String subject) {

	enum Status {
		/** Stored, not yet processed (or a try failed and the retry job will try again). */
		RECEIVED,
		/** Processed: see the outcome. */
		DONE,
		/** Held as a loop or a flood until an admin releases it. */
		HELD,
		/** Flagged as spam, waiting for an agent's review. */
		SPAM,
		/** Unreadable, or a poison mail skipped after its tries: kept raw with the reason. */
		FAILED,
		/** Removed from a list by an admin: the raw is gone, the key stays so a redelivery is a duplicate. */
		DELETED
	}
}

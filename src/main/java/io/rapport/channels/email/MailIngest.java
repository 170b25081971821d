package io.rapport.channels.email;

/**
 * The inbound pipeline both ways in share (IMAP polling and the push endpoint): dedupe, parse, classify, thread,
 * hand to {@code TicketIntake}. It commits what it stored before it answers, so a poller may flag the mail
 * {@code \Seen} (or move it) once this returns, and a crash before that only makes the next poll see a duplicate.
 */
public interface MailIngest {

	/**
	 * Takes one raw mail received by a mailbox. Never throws for a bad mail: an unreadable one is kept in the
	 * failed-mail list and answered {@link MailOutcome#FAILED}.
	 */
	IngestResult ingest(long mailboxId, byte[] raw);

	/**
	 * @param messageId the mail's Message-ID (without angle brackets) or the hash that stands for it
	 * @param ticketId the ticket it became or joined, or null (held, failed, bounce, ignored)
	 */
	record IngestResult(String messageId, Long ticketId, MailOutcome outcome) {
	}
}

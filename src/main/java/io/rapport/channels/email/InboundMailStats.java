package io.rapport.channels.email;

/** Implemented by the inbound pipeline: what a mailbox received, for its status on the mailboxes page. */
public interface InboundMailStats {

	Counts counts(long mailboxId);

	/**
	 * @param received mails taken in (every outcome but DUPLICATE)
	 * @param held mails held as a loop or flood, waiting for an admin to release them
	 * @param spam mails flagged as spam, waiting for review
	 * @param failed mails that could not be read, kept raw with the reason
	 */
	record Counts(long received, long held, long spam, long failed) {
	}
}

package io.rapport.channels.email.imap;

/**
 * What one poll of a mailbox did.
 *
 * @param found unseen mails in the folder
 * @param imported mails the pipeline took (any outcome), then flagged and moved or deleted per the mailbox
 * @param failed mails the pipeline could not take this time; they stay unseen and come again next poll
 * @param error why the poll stopped early (connection, login, folder), in words; null when it ran through
 */
public record PollResult(long mailboxId, int found, int imported, int failed, String error) {

	static PollResult stopped(long mailboxId, String error) {
		return new PollResult(mailboxId, 0, 0, 0, error);
	}
}

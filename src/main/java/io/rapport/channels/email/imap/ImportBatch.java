package io.rapport.channels.email.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailbox.AfterImport;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of unseen mails of a poll: each is handed to the pipeline, then flagged {@code \Seen} (and
 * {@code \Deleted} for DELETE); mails to move go to the move folder together at the end of the batch. A mail that
 * fails is left exactly as it was and the batch goes on.
 */
class ImportBatch {

	private static final Logger log = LoggerFactory.getLogger(ImportBatch.class);

	private final Mailbox mailbox;

	private final Folder folder;

	private final MailIngest pipeline;

	ImportBatch(Mailbox mailbox, Folder folder, MailIngest pipeline) {
		this.mailbox = mailbox;
		this.folder = folder;
		this.pipeline = pipeline;
	}

	/** Answers how many mails the pipeline took. */
	int run(Message[] batch) throws MessagingException {
		List<Message> taken = new ArrayList<>(batch.length);
		for (Message message : batch) {
			if (take(message)) {
				taken.add(message);
			}
		}
		if (mailbox.getAfterImport() == AfterImport.MOVE && !taken.isEmpty()) {
			move(taken.toArray(Message[]::new));
		}
		return taken.size();
	}

	private boolean take(Message message) throws MessagingException {
		byte[] raw;
		try {
			raw = ImapPoller.raw(message);
		}
		catch (IOException | MessagingException e) {
			if (!folder.isOpen() || !folder.getStore().isConnected()) {
				throw e instanceof MessagingException messaging ? messaging : new MessagingException(e.getMessage(), e);
			}
			log.warn("Mailbox {}: mail {} could not be read from the server: {}", mailbox.getId(),
					message.getMessageNumber(), e.toString());
			return false;
		}
		try {
			pipeline.ingest(mailbox.getId(), raw);
		}
		catch (RuntimeException e) {
			log.warn("Mailbox {}: the pipeline did not take mail {}; it stays unseen for the next poll",
					mailbox.getId(), message.getMessageNumber(), e);
			return false;
		}
		message.setFlag(Flags.Flag.SEEN, true);
		if (mailbox.getAfterImport() == AfterImport.DELETE) {
			message.setFlag(Flags.Flag.DELETED, true);
		}
		return true;
	}

	private void move(Message[] messages) throws MessagingException {
		Folder target = folder.getStore().getFolder(mailbox.getMoveFolder());
		if (!target.exists()) {
			target.create(Folder.HOLDS_MESSAGES);
		}
		if (folder instanceof IMAPFolder imap && ((IMAPStore) folder.getStore()).hasCapability("MOVE")) {
			imap.moveMessages(messages, target);
			return;
		}
		folder.copyMessages(messages, target);
		folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
	}
}

package io.rapport.channels.email.inbound;

import io.rapport.channels.email.InboundMailStats;

import org.springframework.stereotype.Component;

/** A mailbox's received, held, spam and failed counts for the mailboxes page, from {@code inbound_mails}. */
@Component
class InboundStats implements InboundMailStats {

	private final InboundMails mails;

	InboundStats(InboundMails mails) {
		this.mails = mails;
	}

	@Override
	public Counts counts(long mailboxId) {
		long received = 0;
		long held = 0;
		long spam = 0;
		long failed = 0;
		for (Object[] row : mails.statusCounts(mailboxId)) {
			long count = (Long) row[1];
			received += count;
			switch (InboundMail.Status.valueOf((String) row[0])) {
				case HELD -> held = count;
				case SPAM -> spam = count;
				case FAILED -> failed = count;
				default -> {
				}
			}
		}
		return new Counts(received, held, spam, failed);
	}
}

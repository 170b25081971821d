package io.rapport.channels.email.outbound;

import java.time.Instant;
import java.util.List;

/**
 * One row of the outbox: a mail exactly as it will be sent, headers included, so that every attempt (and a resend
 * after a crash) produces the same mail with the same Message-ID. Built by {@link OutboundMails}, sent by
 * {@link OutboxSender}.
 *
 * @param messageId the Message-ID without angle brackets
 * @param references Message-IDs without angle brackets, oldest first
 */
record OutboundMail(long id, long mailboxId, Kind kind, String dedupKey, Long ticketId, Long ticketMessageId,
		List<String> to, List<String> cc, String fromName, String subject, String text, String html, String messageId,
		String inReplyTo, List<String> references, String replyTo, String threadIndex, String autoSubmitted,
		List<Long> attachmentIds, Status status, int attempts, Instant firstAttemptAt, Instant nextAttemptAt,
		String lastAnswer, Instant sentAt, String bounceReason, Instant createdAt) {

	/** What a mail is: it decides the Auto-Submitted header and which switch allows it. */
	enum Kind {
		REPLY, RECEIVED, SOLVED, AGENT_NOTICE, SYSTEM
	}

	enum Status {
		QUEUED, SENT, BOUNCED, FAILED
	}

	OutboundMail {
		to = List.copyOf(to);
		cc = cc == null ? List.of() : List.copyOf(cc);
		references = references == null ? List.of() : List.copyOf(references);
		attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
	}

	/** A new mail, queued now and due at once. */
	static OutboundMail queued(long id, long mailboxId, Kind kind, String dedupKey, Long ticketId,
			Long ticketMessageId, List<String> to, List<String> cc, String fromName, String subject, String text,
			String html, String messageId, String inReplyTo, List<String> references, String replyTo,
			String threadIndex, List<Long> attachmentIds, Instant now) {
		String autoSubmitted = switch (kind) {
			case RECEIVED, SOLVED -> "auto-replied";
			case AGENT_NOTICE, SYSTEM -> "auto-generated";
			case REPLY -> null;
		};
		return new OutboundMail(id, mailboxId, kind, dedupKey, ticketId, ticketMessageId, to, cc, fromName, subject,
				text, html, messageId, inReplyTo, references, replyTo, threadIndex, autoSubmitted, attachmentIds,
				Status.QUEUED, 0, null, now, null, null, null, now);
	}

	/** Every address the mail goes to. */
	public List<String> recipients() {
		return java.util.stream.Stream.concat(to.stream(), cc.stream()).toList();
	}
}

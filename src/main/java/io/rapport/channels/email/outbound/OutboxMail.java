package io.rapport.channels.email.outbound;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import io.rapport.channels.EmailApi;
import io.rapport.channels.email.Acknowledgements;
import io.rapport.channels.email.Bounces;
import io.rapport.channels.email.MailboxDirectory;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.TicketIntake;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the rest of Rapport asks of the outbox: template mail for the portal ({@link EmailApi}), the "we received
 * your request" mail inbound asks for ({@link Acknowledgements}), bounces inbound found ({@link Bounces}), and a
 * retry of a failed or bounced mail. Everything joins the caller's transaction.
 */
@Service
class OutboxMail implements EmailApi, Acknowledgements, Bounces {

	private final OutboundMails mails;

	private final CustomerMails customers;

	private final MailboxDirectory mailboxes;

	private final Outbox outbox;

	private final Clock clock;

	OutboxMail(OutboundMails mails, CustomerMails customers, MailboxDirectory mailboxes, Outbox outbox, Clock clock) {
		this.mails = mails;
		this.customers = customers;
		this.mailboxes = mailboxes;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Override
	@Transactional
	public long sendTemplate(String toEmail, String toName, String template, Locale locale,
			Map<String, String> values) {
		if (!MailTemplates.KEYS.contains(template)) {
			throw InvalidInputException.of("template", "errors.mail.template-unknown", template);
		}
		Map<String, String> all = new java.util.HashMap<>(values == null ? Map.of() : values);
		all.putIfAbsent("name", toName == null ? "" : HeaderText.clean(toName));
		return mails.queueSystem(mails.defaultMailbox()
			.orElseThrow(() -> ConflictException.of("errors.mail.no-mailbox")), toEmail, toName, template, locale,
				all);
	}

	@Override
	public boolean canSend() {
		return mails.defaultMailbox().filter(m -> m.getSmtpHost() != null).isPresent();
	}

	@Override
	@Transactional
	public void acknowledge(long mailboxId, TicketIntake.Thread ticket, String inReplyTo) {
		mailboxes.find(mailboxId).ifPresent(mailbox -> customers.received(mailbox, ticket, inReplyTo));
	}

	@Override
	@Transactional
	public boolean recordBounce(String originalMessageId, String recipient, String reason) {
		String why = SmtpAnswers.trim((recipient == null ? "" : recipient + ": ") + (reason == null ? "" : reason));
		return originalMessageId != null && outbox.bounced(MailThreads.strip(originalMessageId), why);
	}

	/** Puts a failed or bounced mail back in the queue; answers false when it was neither. */
	@Transactional
	boolean retry(long outboxId) {
		return outbox.requeue(outboxId, clock.instant());
	}
}

package io.rapport.channels.email.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.rapport.channels.email.Bounces;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.MailboxDirectory;
import io.rapport.channels.email.mime.MailParser;
import io.rapport.channels.email.mime.ParsedMail;
import io.rapport.channels.email.mime.UnreadableMailException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a mail is and where it goes, in the order the rules apply: unreadable (failed), from one of our own
 * addresses (ignored: a loop), a bounce (recorded on the mail it answers), spam and floods (held for a person),
 * then threading and delivery to a ticket. Runs inside the pipeline's processing transaction.
 */
@Component
class MailProcessor {

	/** More than this many mails from one sender to one mailbox within {@link #FLOOD_WINDOW} are held. */
	static final int FLOOD_LIMIT = 20;

	static final Duration FLOOD_WINDOW = Duration.ofMinutes(10);

	private final MailParser parser;

	private final MailboxDirectory mailboxes;

	private final InboundMails mails;

	private final MailThreading threading;

	private final MailDelivery delivery;

	private final ObjectProvider<Bounces> bounces;

	private final Clock clock;

	MailProcessor(MailParser parser, MailboxDirectory mailboxes, InboundMails mails, MailThreading threading,
			MailDelivery delivery, ObjectProvider<Bounces> bounces, Clock clock) {
		this.parser = parser;
		this.mailboxes = mailboxes;
		this.mails = mails;
		this.threading = threading;
		this.delivery = delivery;
		this.bounces = bounces;
		this.clock = clock;
	}

	/** What became of a mail, as its row records it, with its sender and subject once they are read. */
	record Decision(InboundMail.Status status, MailOutcome outcome, Long ticketId, Long ticketMessageId,
			String reason, String fromAddress, String subject) {

		Decision(InboundMail.Status status, MailOutcome outcome, Long ticketId, Long ticketMessageId, String reason) {
			this(status, outcome, ticketId, ticketMessageId, reason, null, null);
		}

		static Decision failed(String reason) {
			return new Decision(InboundMail.Status.FAILED, MailOutcome.FAILED, null, null, reason);
		}

		static Decision ignored(String reason) {
			return new Decision(InboundMail.Status.DONE, MailOutcome.IGNORED_AUTO_REPLY, null, null, reason);
		}

		Decision from(String address, String subject) {
			return new Decision(status, outcome, ticketId, ticketMessageId, reason, address, subject);
		}
	}

	/** {@code release}: an admin let the mail through, so the spam and flood rules do not hold it again. */
	Decision process(InboundMail row, byte[] raw, boolean release) {
		ParsedMail mail;
		try {
			mail = parser.parse(raw);
		}
		catch (UnreadableMailException e) {
			return Decision.failed(e.getMessage());
		}
		if (mail.from() == null || mail.from().email() == null || mail.from().email().isBlank()) {
			return Decision.failed("inbound.reason.no-sender");
		}
		String sender = cut(MailDelivery.requester(mail).email(), 254);
		String subject = cut(mail.subject(), 250);
		return process(row, mail, sender, subject, release).from(sender, subject);
	}

	/**
	 * The rules for a mail with a sender. Every such mail is recorded on its sender's row first, whatever becomes
	 * of it, as the flood rule counts every mail of a sender.
	 */
	private Decision process(InboundMail row, ParsedMail mail, String sender, String subject, boolean release) {
		Instant now = clock.instant();
		Instant since = now.minus(FLOOD_WINDOW);
		long recent = mails.seen(row.mailboxId(), sender, since, now);
		OurAddresses ours = new OurAddresses(mailboxes.all());
		if (ours.isOurs(mail.from().email())) {
			return Decision.ignored("inbound.reason.own-address");
		}
		if (mail.kind() == ParsedMail.Kind.BOUNCE) {
			return bounce(mail);
		}
		if (!release && mail.flaggedAsSpam()) {
			return new Decision(InboundMail.Status.SPAM, MailOutcome.HELD, null, null, "inbound.reason.spam");
		}
		if (!release && recent > FLOOD_LIMIT && flood(row, sender, subject, since)) {
			return new Decision(InboundMail.Status.HELD, MailOutcome.HELD, null, null, "inbound.reason.flood");
		}
		MailThreading.Target target = threading.find(mail, sender, ours);
		Mailbox mailbox = mailboxes.find(row.mailboxId()).orElseThrow();
		return delivery.deliver(mailbox, row, mail, target, release && mail.flaggedAsSpam());
	}

	/** The sender's mails received in the window, this one included, counted: more than the limit is a flood. */
	private boolean flood(InboundMail row, String sender, String subject, Instant since) {
		mails.describe(row.id(), sender, subject);
		return mails.countFrom(row.mailboxId(), sender, since) > FLOOD_LIMIT;
	}

	private Decision bounce(ParsedMail mail) {
		ParsedMail.Bounce bounce = mail.bounce();
		if (bounce == null || bounce.originalMessageId() == null) {
			return new Decision(InboundMail.Status.DONE, MailOutcome.BOUNCE_RECORDED, null, null,
					"inbound.reason.bounce-unknown");
		}
		String reason = String.join(" ", bounce.status() == null ? "" : bounce.status(),
				bounce.diagnostic() == null ? "" : bounce.diagnostic()).strip();
		Bounces outbox = bounces.getIfAvailable();
		boolean known = outbox != null && outbox.recordBounce(bounce.originalMessageId(), bounce.recipient(), reason);
		return new Decision(InboundMail.Status.DONE, MailOutcome.BOUNCE_RECORDED, null, null,
				known ? cut(reason, 1000) : "inbound.reason.bounce-unknown");
	}

	static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}

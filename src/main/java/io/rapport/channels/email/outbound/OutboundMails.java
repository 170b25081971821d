package io.rapport.channels.email.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.rapport.channels.email.MailTokens;
import io.rapport.shared.web.PublicLinks;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.MailboxDirectory;
import io.rapport.tickets.TicketIntake;

import org.springframework.stereotype.Component;

/**
 * Writes outbox rows for a ticket: the words from the template in the reader's language, and the headers fixed
 * once for every attempt: a signed Message-ID ({@link MailTokens}, numbered by the outbox row so no two mails of a
 * ticket share one), In-Reply-To and References from the ticket's mail so far, the signed Reply-To plus address
 * and Outlook's Thread-Index extended from the ticket's last one. Runs in the caller's transaction.
 */
@Component
class OutboundMails {

	private final Outbox outbox;

	private final MailThreads threads;

	private final MailTemplates templates;

	private final MailTokens tokens;

	private final MailboxDirectory mailboxes;

	private final Clock clock;

	private final PublicLinks links;

	OutboundMails(Outbox outbox, MailThreads threads, MailTemplates templates, MailTokens tokens, MailboxDirectory mailboxes,
			Clock clock, PublicLinks links) {
		this.outbox = outbox;
		this.threads = threads;
		this.templates = templates;
		this.tokens = tokens;
		this.mailboxes = mailboxes;
		this.clock = clock;
		this.links = links;
	}

	/** The mailbox a ticket's mail goes out by: the one its first mail came in by, else the default one. */
	Optional<Mailbox> mailboxOf(long ticketId) {
		return threads.inboundMailbox(ticketId).flatMap(mailboxes::find).filter(Mailbox::isActive)
			.or(mailboxes::defaultMailbox);
	}

	Optional<Mailbox> defaultMailbox() {
		return mailboxes.defaultMailbox();
	}

	String url(String path) {
		return links.to(path);
	}

	/** The placeholders every ticket mail can use. */
	Map<String, String> values(TicketIntake.Thread thread) {
		Map<String, String> values = new java.util.HashMap<>();
		values.put("ticketNumber", String.valueOf(thread.number()));
		values.put("subject", HeaderText.clean(thread.subject()));
		values.put("requesterName", thread.requesterName() == null ? "" : HeaderText.clean(thread.requesterName()));
		values.put("portalLink", url("/portal/tickets/" + thread.ticketId()));
		values.put("link", url("/tickets/" + thread.ticketId()));
		return values;
	}

	/**
	 * Queues a mail about a ticket unless one with the same dedup key exists (a redelivered event). Answers the
	 * outbox id, or empty when nothing was queued (a duplicate, or no valid recipient).
	 */
	Optional<Long> queue(TicketMail m) {
		List<String> to = valid(m.to());
		List<String> cc = valid(m.cc()).stream().filter(a -> !to.contains(a)).toList();
		if (to.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		long ticketId = m.thread().ticketId();
		long id = outbox.nextId();
		String messageId = MailThreads.strip(tokens.messageId(ticketId, id, m.mailbox().domain()));
		boolean customerThread = m.kind() != OutboundMail.Kind.AGENT_NOTICE;
		MailThreads.Conversation conversation = customerThread ? threads.conversation(ticketId)
				: new MailThreads.Conversation(List.of(), null);
		String inReplyTo = m.inReplyTo() != null ? MailThreads.strip(m.inReplyTo()) : conversation.last();
		List<String> references = new ArrayList<>(conversation.ids());
		if (inReplyTo != null && !references.contains(inReplyTo)) {
			references.add(inReplyTo);
		}
		UUID guid = UUID.randomUUID();
		String threadIndex = conversation.threadIndex() == null ? ThreadIndex.start(now, guid)
				: ThreadIndex.extend(conversation.threadIndex(), now, guid);
		MailTemplates.Rendered words = templates.render(m.template(), m.locale(), m.values(), m.messageHtml());
		String tag = "[#" + m.thread().number() + "]";
		String subject = words.subject().contains(tag) ? words.subject() : tag + " " + words.subject();
		OutboundMail mail = OutboundMail.queued(id, m.mailbox().getId(), m.kind(), m.dedupKey(), ticketId,
				m.messageId(), to, cc, m.fromName(), subject, words.text() + m.quote().text(),
				html(words.html() + m.quote().html()), messageId, inReplyTo, references,
				tokens.replyAddress(ticketId, m.mailbox().getAddress()), threadIndex, m.attachmentIds(), now);
		if (!outbox.insert(mail)) {
			return Optional.empty();
		}
		if (customerThread) {
			threads.recordOutbound(m.mailbox().getId(), ticketId, m.messageId(), messageId, threadIndex, now);
		}
		return Optional.of(id);
	}

	/** Queues a mail that belongs to no ticket (a portal link): no threading headers, no Reply-To. */
	long queueSystem(Mailbox mailbox, String toEmail, String toName, String template, Locale locale,
			Map<String, String> values) {
		String to = HeaderText.address(toEmail)
			.orElseThrow(() -> io.rapport.shared.InvalidInputException.of("email", "errors.mail.address", toEmail));
		Instant now = clock.instant();
		long id = outbox.nextId();
		String messageId = "rapport.s" + id + "." + UUID.randomUUID().toString().substring(0, 12) + "@"
				+ mailbox.domain();
		MailTemplates.Rendered words = templates.render(template, locale, values, null);
		outbox.insert(OutboundMail.queued(id, mailbox.getId(), OutboundMail.Kind.SYSTEM, null, null, null,
				List.of(to), List.of(), null, words.subject(), words.text(), html(words.html()), messageId, null,
				List.of(), null, null, List.of(), now));
		return id;
	}

	private static List<String> valid(List<String> addresses) {
		return addresses == null ? List.of()
				: addresses.stream().map(HeaderText::address).flatMap(Optional::stream).distinct().toList();
	}

	private static String html(String body) {
		return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head><body>" + body + "</body></html>";
	}

	/** Everything a ticket mail needs; {@link Quote#NONE} when it quotes nothing. */
	record TicketMail(OutboundMail.Kind kind, String dedupKey, Mailbox mailbox, TicketIntake.Thread thread,
			Long messageId, List<String> to, List<String> cc, String fromName, String template, Locale locale,
			Map<String, String> values, String messageHtml, Quote quote, List<Long> attachmentIds,
			String inReplyTo) {
	}

	/** The earlier conversation below a reply, as text and as HTML. */
	record Quote(String text, String html) {

		static final Quote NONE = new Quote("", "");
	}
}

package io.rapport.channels.email.outbound;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.rapport.channels.email.Mailbox;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.AttachmentView;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketIntake.PublicMessage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The mail customers get: an agent's public reply (with the last messages quoted below it and its attachments),
 * "we received your request" and "your request was solved", each only when the ticket's mailbox sends it. The
 * requester gets it, the ticket's CCs are copied.
 */
@Component
class CustomerMails {

	static final int QUOTED = 3;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final OutboundMails mails;

	private final TicketIntake intake;

	private final MessageSource messages;

	CustomerMails(OutboundMails mails, TicketIntake intake, MessageSource messages) {
		this.mails = mails;
		this.intake = intake;
		this.messages = messages;
	}

	/** An agent's public reply; the ticket's description (the first message) is not a reply. */
	Optional<Long> reply(long ticketId, long messageId) {
		Mailbox mailbox = mails.mailboxOf(ticketId).filter(Mailbox::isNotifyReplies).orElse(null);
		TicketIntake.Thread thread = mailbox == null ? null : intake.thread(ticketId).orElse(null);
		if (thread == null) {
			return Optional.empty();
		}
		List<PublicMessage> conversation = intake.publicConversation(ticketId);
		int at = indexOf(conversation, messageId);
		if (at <= 0 || conversation.get(at).authorType() != AuthorKind.AGENT) {
			return Optional.empty();
		}
		PublicMessage reply = conversation.get(at);
		Locale locale = thread.requesterLocale();
		Map<String, String> values = mails.values(thread);
		String agentName = reply.authorName() == null ? "" : HeaderText.clean(reply.authorName());
		values.put("agentName", agentName);
		values.put("message", reply.bodyText());
		String team = mailbox.getFromName() != null ? mailbox.getFromName() : mailbox.getName();
		String from = agentName.isEmpty() ? team : message("outbound.from.agent", locale, agentName, team);
		return mails.queue(new OutboundMails.TicketMail(OutboundMail.Kind.REPLY, "REPLY:m" + messageId, mailbox,
				thread, messageId, List.of(thread.requesterEmail()), thread.ccs(), from, "reply", locale, values,
				reply.bodyHtml(), quote(conversation.subList(Math.max(0, at - QUOTED), at), locale),
				reply.attachments().stream().map(AttachmentView::id).toList(), null));
	}

	/** "We received your request", answering the customer's mail when there was one. */
	Optional<Long> received(Mailbox mailbox, long ticketId, String inReplyTo) {
		return intake.thread(ticketId).flatMap(thread -> received(mailbox, thread, inReplyTo));
	}

	/** The same for a ticket in hand (the mail that opened it was just received). */
	Optional<Long> received(Mailbox mailbox, TicketIntake.Thread thread, String inReplyTo) {
		if (!mailbox.isActive() || !mailbox.isNotifyReceived()) {
			return Optional.empty();
		}
		return mails.queue(notice(OutboundMail.Kind.RECEIVED, "RECEIVED:t" + thread.ticketId(), mailbox, thread,
				"received", inReplyTo));
	}

	Optional<Long> solved(long ticketId, long solvedAtMillis) {
		Mailbox mailbox = mails.mailboxOf(ticketId).filter(Mailbox::isNotifySolved).orElse(null);
		if (mailbox == null) {
			return Optional.empty();
		}
		return intake.thread(ticketId).flatMap(thread -> mails.queue(notice(OutboundMail.Kind.SOLVED,
				"SOLVED:t" + ticketId + ":" + solvedAtMillis, mailbox, thread, "solved", null)));
	}

	private OutboundMails.TicketMail notice(OutboundMail.Kind kind, String key, Mailbox mailbox,
			TicketIntake.Thread thread, String template, String inReplyTo) {
		Map<String, String> values = mails.values(thread);
		values.put("agentName", "");
		return new OutboundMails.TicketMail(kind, key, mailbox, thread, null, List.of(thread.requesterEmail()),
				thread.ccs(), null, template, thread.requesterLocale(), values, null, OutboundMails.Quote.NONE,
				List.of(), inReplyTo);
	}

	private OutboundMails.Quote quote(List<PublicMessage> earlier, Locale locale) {
		StringBuilder text = new StringBuilder();
		StringBuilder html = new StringBuilder();
		for (int i = earlier.size() - 1; i >= 0; i--) {
			PublicMessage m = earlier.get(i);
			String header = message("outbound.quote.wrote", locale,
					m.authorName() == null ? "" : HeaderText.clean(m.authorName()), WHEN.format(m.createdAt()));
			text.append("\n\n").append(header).append('\n');
			String body = m.bodyText() == null ? "" : m.bodyText().strip();
			body.lines().forEach(line -> text.append("> ").append(line).append('\n'));
			html.append("<p class=\"quote-header\">").append(HtmlUtils.htmlEscape(header)).append("</p>")
				.append("<blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">")
				.append(m.bodyHtml()).append("</blockquote>");
		}
		return earlier.isEmpty() ? OutboundMails.Quote.NONE
				: new OutboundMails.Quote(text.toString(), "<hr>" + html);
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale == null ? Locale.ENGLISH : locale);
	}

	private static int indexOf(List<PublicMessage> conversation, long messageId) {
		for (int i = 0; i < conversation.size(); i++) {
			if (conversation.get(i).id() == messageId) {
				return i;
			}
		}
		return -1;
	}
}

package io.rapport.channels.email.outbound;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.tickets.MessageAnnotation;
import io.rapport.tickets.MessageAnnotations;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Under each agent reply that was mailed, on the ticket page: to whom, and what became of it (queued, sent at, bounced
 * with the reason, failed with the server's answer), with a Retry action for failed and bounced mail.
 */
@Component
class OutboxAnnotations implements MessageAnnotations {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Outbox outbox;

	private final MessageSource messages;

	OutboxAnnotations(Outbox outbox, MessageSource messages) {
		this.outbox = outbox;
		this.messages = messages;
	}

	@Override
	public Map<Long, List<MessageAnnotation>> annotate(long ticketId, Collection<Long> messageIds, Locale locale) {
		Map<Long, List<MessageAnnotation>> lines = new LinkedHashMap<>();
		for (OutboundMail mail : outbox.forMessages(ticketId, messageIds)) {
			lines.computeIfAbsent(mail.ticketMessageId(), id -> new java.util.ArrayList<>()).add(line(mail, locale));
		}
		return lines;
	}

	MessageAnnotation line(OutboundMail mail, Locale locale) {
		String to = String.join(", ", mail.recipients());
		String text = switch (mail.status()) {
			case QUEUED -> word("outbound.state.queued", locale, to);
			case SENT -> word("outbound.state.sent", locale, to, TIME.format(mail.sentAt()));
			case BOUNCED -> word("outbound.state.bounced", locale, to, String.valueOf(mail.bounceReason()));
			case FAILED -> word("outbound.state.failed", locale, to, String.valueOf(mail.lastAnswer()));
		};
		String tone = switch (mail.status()) {
			case QUEUED -> "info";
			case SENT -> "success";
			case BOUNCED -> "warning";
			case FAILED -> "danger";
		};
		boolean retry = mail.status() == OutboundMail.Status.FAILED || mail.status() == OutboundMail.Status.BOUNCED;
		return new MessageAnnotation(text, tone, null, null,
				retry ? "/tickets/" + mail.ticketId() + "/mails/" + mail.id() + "/retry" : null,
				retry ? word("outbound.retry", locale) : null);
	}

	private String word(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}

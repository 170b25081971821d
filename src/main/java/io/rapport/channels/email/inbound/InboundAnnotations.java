package io.rapport.channels.email.inbound;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.MailboxDirectory;
import io.rapport.tickets.MessageAnnotation;
import io.rapport.tickets.MessageAnnotations;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** "Received by email at support@… · Show original" under each message of a ticket that came in by mail. */
@Component
class InboundAnnotations implements MessageAnnotations {

	private final InboundMails mails;

	private final MailboxDirectory mailboxes;

	private final MessageSource messages;

	InboundAnnotations(InboundMails mails, MailboxDirectory mailboxes, MessageSource messages) {
		this.mails = mails;
		this.mailboxes = mailboxes;
		this.messages = messages;
	}

	@Override
	public Map<Long, List<MessageAnnotation>> annotate(long ticketId, Collection<Long> messageIds, Locale locale) {
		List<InboundMail> received = mails.forMessages(ticketId, List.copyOf(messageIds));
		if (received.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> addresses = mailboxes.all().stream()
			.collect(Collectors.toMap(Mailbox::getId, Mailbox::getAddress));
		String label = messages.getMessage("inbound.annotation.original", null, locale);
		return received.stream()
			.collect(Collectors.toMap(InboundMail::ticketMessageId, mail -> List.of(new MessageAnnotation(
					messages.getMessage("inbound.annotation.received",
							new Object[] { addresses.getOrDefault(mail.mailboxId(), "?") }, locale),
					"info", "/mail/inbound/" + mail.id() + "/raw", label, null, null)), (a, b) -> a));
	}
}

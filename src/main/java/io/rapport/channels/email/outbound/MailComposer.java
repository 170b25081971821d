package io.rapport.channels.email.outbound;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import io.rapport.channels.email.Mailbox;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.Upload;

import org.springframework.stereotype.Component;

/**
 * Builds the MIME of an outbox row at send time: multipart/alternative (text and HTML), inside multipart/mixed when
 * the mail carries attachments, with the row's Message-ID (kept, not replaced by Jakarta Mail's own), threading
 * headers and Auto-Submitted. Every text that reaches a header went through {@link HeaderText} when the row was
 * written and goes through it again here.
 */
@Component
class MailComposer {

	private final TicketIntake intake;

	MailComposer(TicketIntake intake) {
		this.intake = intake;
	}

	MimeMessage compose(Session session, OutboundMail mail, Mailbox mailbox, Date sentAt)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = new FixedIdMessage(session, "<" + mail.messageId() + ">");
		String fromName = HeaderText.clean(mail.fromName() != null ? mail.fromName()
				: mailbox.getFromName() != null ? mailbox.getFromName() : mailbox.getName());
		message.setFrom(new InternetAddress(mailbox.getAddress(), fromName, "UTF-8"));
		message.setRecipients(Message.RecipientType.TO, addresses(mail.to()));
		if (!mail.cc().isEmpty()) {
			message.setRecipients(Message.RecipientType.CC, addresses(mail.cc()));
		}
		if (mail.replyTo() != null) {
			message.setReplyTo(addresses(List.of(mail.replyTo())));
		}
		message.setSubject(HeaderText.clean(mail.subject()), "UTF-8");
		message.setSentDate(sentAt);
		if (mail.inReplyTo() != null) {
			message.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
		}
		if (!mail.references().isEmpty()) {
			message.setHeader("References", MimeUtility.fold(12,
					mail.references().stream().map(id -> "<" + id + ">").collect(Collectors.joining(" "))));
		}
		if (mail.threadIndex() != null) {
			message.setHeader("Thread-Index", mail.threadIndex());
		}
		if (mail.autoSubmitted() != null) {
			message.setHeader("Auto-Submitted", mail.autoSubmitted());
		}
		message.setContent(content(mail));
		message.saveChanges();
		return message;
	}

	private MimeMultipart content(OutboundMail mail) throws MessagingException {
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), "UTF-8", "plain");
		alternative.addBodyPart(text);
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.html(), "UTF-8", "html");
		alternative.addBodyPart(html);
		List<Upload> files = mail.attachmentIds().stream().map(intake::publicAttachment)
			.flatMap(java.util.Optional::stream).toList();
		if (files.isEmpty()) {
			return alternative;
		}
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);
		mixed.addBodyPart(body);
		for (Upload file : files) {
			MimeBodyPart part = new MimeBodyPart();
			String type = file.contentType() == null ? "application/octet-stream" : file.contentType();
			part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), type)));
			part.setFileName(HeaderText.clean(file.filename()));
			part.setDisposition(MimeBodyPart.ATTACHMENT);
			mixed.addBodyPart(part);
		}
		return mixed;
	}

	private static InternetAddress[] addresses(List<String> values) throws MessagingException {
		InternetAddress[] out = new InternetAddress[values.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = new InternetAddress(HeaderText.address(values.get(i))
				.orElseThrow(() -> new MessagingException("invalid address")), true);
		}
		return out;
	}

	/** A message whose Message-ID is the one fixed at enqueue, whatever {@code saveChanges} would generate. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}
	}
}

package io.rapport.channels.email.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import io.rapport.shared.SafeHtml;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.springframework.stereotype.Component;

/**
 * Reads what Rapport sent into the sandbox, newest first, for the sandbox page: every header, the text part shown
 * as text and the HTML part sanitized with {@link SafeHtml} (what a mail client would render, minus anything that
 * could run), and the names of the attachments.
 */
@Component
@SandboxEnabled
class SentMails {

	static final int SHOWN = 100;

	private final MailSandbox sandbox;

	SentMails(MailSandbox sandbox) {
		this.sandbox = sandbox;
	}

	List<SentMail> newestFirst() {
		List<SentMail> mails = new ArrayList<>();
		for (MailSandbox.Delivered delivered : sandbox.sent()) {
			mails.add(read(delivered.mailbox(), delivered.message().getUid(), delivered.message().getReceivedDate(),
					delivered.message().getMimeMessage()));
		}
		mails.sort(Comparator.comparing(SentMail::receivedAt).thenComparing(SentMail::uid).reversed());
		return mails.size() > SHOWN ? mails.subList(0, SHOWN) : mails;
	}

	static SentMail read(String mailbox, long uid, Date received, MimeMessage message) {
		List<String[]> headers = new ArrayList<>();
		Body body = new Body();
		String subject;
		try {
			for (Header header : Collections.list(message.getAllHeaders())) {
				headers.add(new String[] { header.getName(), decode(header.getValue()) });
			}
			subject = message.getSubject();
			walk(message, body, 0);
		}
		catch (MessagingException | IOException e) {
			subject = "(unreadable: " + e.getMessage() + ")";
		}
		return new SentMail(uid, mailbox, received == null ? Instant.EPOCH : received.toInstant(),
				subject, headers, body.text, body.html == null ? null : SafeHtml.sanitize(body.html), body.attachments);
	}

	private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
		if (depth > 10) {
			return;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				walk(multipart.getBodyPart(i), body, depth + 1);
			}
			return;
		}
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
		if (!attachment && part.isMimeType("text/plain") && body.text == null) {
			body.text = String.valueOf(part.getContent());
		}
		else if (!attachment && part.isMimeType("text/html") && body.html == null) {
			body.html = String.valueOf(part.getContent());
		}
		else if (attachment) {
			body.attachments.add(part.getFileName() == null ? "(unnamed)" : MimeUtility.decodeText(part.getFileName()));
		}
	}

	private static String decode(String value) {
		try {
			return MimeUtility.decodeText(MimeUtility.unfold(value));
		}
		catch (java.io.UnsupportedEncodingException e) {
			return value;
		}
	}

	private static final class Body {

		private String text;

		private String html;

		private final List<String> attachments = new ArrayList<>();
	}

	/** One delivered mail; {@code safeHtml} is sanitized and the only field a page may render unescaped. */
	record SentMail(long uid, String mailbox, Instant receivedAt, String subject, List<String[]> headers, String text,
			String safeHtml, List<String> attachments) {
	}
}

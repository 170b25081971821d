package io.rapport.channels.email.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketIntake.Thread;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Writes a customer's mail from the sandbox page and delivers it over SMTP to the support address, from where it
 * reaches Rapport the way any mail does (IMAP, the ingest pipeline). "As a reply to ticket #n" threads it as a mail
 * client would: {@code In-Reply-To} and {@code References} name the last Message-ID Rapport sent on that ticket
 * (received, when it never sent one), and the subject reads {@code Re: [#n] …}.
 */
@Component
@SandboxEnabled
class SandboxComposer {

	private final MailSandbox sandbox;

	private final AccountsApi accounts;

	private final TicketIntake intake;

	private final JdbcTemplate jdbc;

	SandboxComposer(MailSandbox sandbox, AccountsApi accounts, TicketIntake intake, JdbcTemplate jdbc) {
		this.sandbox = sandbox;
		this.accounts = accounts;
		this.intake = intake;
		this.jdbc = jdbc;
	}

	/** Sends the draft; answers the Message-ID it was given. */
	String send(SandboxDraft draft) {
		InternetAddress from = sender(draft);
		Optional<Thread> thread = Optional.ofNullable(draft.replyTo()).map(number -> intake.threadByNumber(number)
			.orElseThrow(() -> InvalidInputException.of("replyTo", "errors.sandbox.ticket-unknown", String.valueOf(number))));
		String subject = subject(draft, thread);
		String body = draft.body() == null ? "" : draft.body().strip();
		if (body.isEmpty()) {
			throw InvalidInputException.of("body", "errors.sandbox.body-required");
		}
		try {
			Session session = Session.getInstance(smtp());
			String messageId = "<sandbox." + UUID.randomUUID() + "@rapport.localhost>";
			MimeMessage mail = new MimeMessage(session) {

				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", messageId);
				}
			};
			mail.setFrom(from);
			mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(MailSandbox.ADDRESS, "Support", "UTF-8"));
			mail.setSubject(subject, "UTF-8");
			mail.setSentDate(new Date());
			mail.setHeader("Content-Language", language(draft.language()));
			thread.flatMap(t -> lastMessageId(t.ticketId())).ifPresent(parent -> {
				try {
					mail.setHeader("In-Reply-To", parent);
					mail.setHeader("References", parent);
				}
				catch (MessagingException e) {
					throw new IllegalStateException(e);
				}
			});
			content(mail, body, draft.files() == null ? List.of() : draft.files());
			Transport.send(mail);
			return messageId;
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException("The sandbox could not take the mail: " + e.getMessage(), e);
		}
	}

	private InternetAddress sender(SandboxDraft draft) {
		String address;
		String name;
		if (draft.contactId() != null) {
			ContactView contact = accounts.contact(draft.contactId())
				.orElseThrow(() -> InvalidInputException.of("contactId", "errors.contact.not-found", draft.contactId()));
			address = contact.email();
			name = contact.name();
		}
		else {
			address = draft.address() == null ? "" : draft.address().strip();
			name = draft.name();
		}
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			if (name != null && !name.isBlank()) {
				parsed.setPersonal(name.strip().replaceAll("[\\r\\n]+", " "), "UTF-8");
			}
			return parsed;
		}
		catch (MessagingException | java.io.UnsupportedEncodingException e) {
			throw InvalidInputException.of("address", "errors.sandbox.address");
		}
	}

	private static String subject(SandboxDraft draft, Optional<Thread> thread) {
		String typed = draft.subject() == null ? "" : draft.subject().strip().replaceAll("[\\r\\n]+", " ");
		if (thread.isPresent()) {
			return "Re: [#" + thread.get().number() + "] " + (typed.isEmpty() ? thread.get().subject() : typed);
		}
		if (typed.isEmpty()) {
			throw InvalidInputException.of("subject", "errors.sandbox.subject-required");
		}
		return typed;
	}

	private Optional<String> lastMessageId(long ticketId) {
		return jdbc.queryForList("select header_message_id from email_messages where ticket_id = ? "
				+ "order by case when direction = 'OUT' then 0 else 1 end, created_at desc, id desc", String.class,
				ticketId).stream().findFirst().map(id -> id.startsWith("<") ? id : "<" + id + ">");
	}

	private static void content(MimeMessage mail, String body, List<MultipartFile> files) throws MessagingException,
			IOException {
		List<MultipartFile> attached = files.stream().filter(file -> file != null && !file.isEmpty()).toList();
		if (attached.isEmpty()) {
			mail.setText(body, "UTF-8");
			return;
		}
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(body, "UTF-8");
		mixed.addBodyPart(text);
		for (MultipartFile file : attached) {
			MimeBodyPart part = new MimeBodyPart();
			String type = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
			part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(bytes(file), type)));
			part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(
					file.getOriginalFilename() == null ? "attachment" : file.getOriginalFilename(), "UTF-8", null));
			part.setDisposition(MimeBodyPart.ATTACHMENT);
			mixed.addBodyPart(part);
		}
		mail.setContent(mixed);
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Properties smtp() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", sandbox.host());
		properties.put("mail.smtp.port", String.valueOf(sandbox.smtpPort()));
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "10000");
		return properties;
	}

	private static String language(String language) {
		return language == null || !language.matches("[a-z]{2,3}") ? "en" : language;
	}
}

package io.rapport.channels.email.outbound;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import io.rapport.channels.email.Mailbox;
import io.rapport.shared.secrets.SecretBox;

import org.springframework.stereotype.Component;

/**
 * Opens an SMTP connection with a mailbox's settings: TLS from the first byte, STARTTLS (required, never silently
 * skipped) or none; a login when a username is set, with the password unsealed only here. Partial delivery is
 * allowed, so one refused CC does not hold back the mail to the others.
 */
@Component
class SmtpConnections {

	static final String TIMEOUT_MILLIS = "20000";

	private final SecretBox secrets;

	SmtpConnections(SecretBox secrets) {
		this.secrets = secrets;
	}

	Session session(Mailbox mailbox) {
		boolean tls = mailbox.getSmtpSecurity() == Mailbox.Security.TLS;
		String protocol = tls ? "smtps" : "smtp";
		Properties props = new Properties();
		props.put("mail.transport.protocol", protocol);
		String prefix = "mail." + protocol + ".";
		props.put(prefix + "host", mailbox.getSmtpHost());
		props.put(prefix + "port", String.valueOf(mailbox.getSmtpPort() == null ? (tls ? 465 : 587)
				: mailbox.getSmtpPort()));
		props.put(prefix + "auth", String.valueOf(mailbox.getSmtpUsername() != null));
		props.put(prefix + "connectiontimeout", TIMEOUT_MILLIS);
		props.put(prefix + "timeout", TIMEOUT_MILLIS);
		props.put(prefix + "writetimeout", TIMEOUT_MILLIS);
		props.put(prefix + "sendpartial", "true");
		props.put(prefix + "localhost", mailbox.domain());
		if (mailbox.getSmtpSecurity() == Mailbox.Security.STARTTLS) {
			props.put(prefix + "starttls.enable", "true");
			props.put(prefix + "starttls.required", "true");
		}
		if (tls || mailbox.getSmtpSecurity() == Mailbox.Security.STARTTLS) {
			props.put(prefix + "ssl.checkserveridentity", "true");
		}
		return Session.getInstance(props);
	}

	Transport connect(Session session, Mailbox mailbox) throws MessagingException {
		Transport transport = session.getTransport();
		if (mailbox.getSmtpUsername() == null) {
			transport.connect();
		}
		else {
			String password = mailbox.getSmtpSecretSealed() == null ? ""
					: secrets.open(mailbox.getSmtpSecretSealed(), "mailbox:" + mailbox.getId() + ":smtp");
			transport.connect(mailbox.getSmtpUsername(), password);
		}
		return transport;
	}
}

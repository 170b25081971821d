package io.rapport.channels.email.outbound;

import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;
import io.rapport.channels.email.oauth.OAuthTokens;
import io.rapport.shared.secrets.SecretBox;
import jakarta.mail.AuthenticationFailedException;

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

	private final OAuthTokens tokens;

	SmtpConnections(SecretBox secrets, OAuthTokens tokens) {
		this.secrets = secrets;
		this.tokens = tokens;
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
		if (mailbox.getSmtpUsername() != null && mailbox.getSmtpSecretSealed() == null) {
			props.put(prefix + "auth.mechanisms", "XOAUTH2");
		}
		return Session.getInstance(props);
	}

	/**
	 * Signs in with the password, or over XOAUTH2 with an access token renewed before it expires and once more
	 * when the server refuses it.
	 */
	Transport connect(Session session, Mailbox mailbox) throws MessagingException {
		Transport transport = session.getTransport();
		if (mailbox.getSmtpUsername() == null) {
			transport.connect();
			return transport;
		}
		Optional<String> token = mailbox.getSmtpSecretSealed() != null ? Optional.empty()
				: tokens.accessToken(mailbox.getId(), Protocol.SMTP);
		if (token.isEmpty()) {
			String password = mailbox.getSmtpSecretSealed() == null ? ""
					: secrets.open(mailbox.getSmtpSecretSealed(), "mailbox:" + mailbox.getId() + ":smtp");
			transport.connect(mailbox.getSmtpUsername(), password);
			return transport;
		}
		try {
			transport.connect(mailbox.getSmtpUsername(), token.get());
		}
		catch (AuthenticationFailedException refused) {
			transport.connect(mailbox.getSmtpUsername(),
					tokens.renewAfterRefusal(mailbox.getId(), Protocol.SMTP, token.get()));
		}
		return transport;
	}
}

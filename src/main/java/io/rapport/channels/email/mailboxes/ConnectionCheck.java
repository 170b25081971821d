package io.rapport.channels.email.mailboxes;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailbox.Security;
import io.rapport.channels.email.imap.ImapConnector;
import io.rapport.channels.email.imap.MailFailure;
import io.rapport.channels.email.imap.MailFailure.Step;
import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;
import io.rapport.channels.email.oauth.OAuthTokens;
import io.rapport.shared.secrets.SecretBox;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * "Test connection": walks the steps to a mailbox's IMAP and SMTP servers (DNS, connect, TLS, login, folder) with
 * short timeouts and says which one failed, in the reader's language.
 */
@Component
class ConnectionCheck {

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ImapConnector imap;

	private final SecretBox secrets;

	private final MessageSource messages;

	private final OAuthTokens tokens;

	ConnectionCheck(ImapConnector imap, SecretBox secrets, MessageSource messages, OAuthTokens tokens) {
		this.imap = imap;
		this.secrets = secrets;
		this.messages = messages;
		this.tokens = tokens;
	}

	/** The answer of one side: {@code step} is where it failed (null when it worked). */
	record Result(boolean ok, Step step, String message) {
	}

	/** Both sides; a side the mailbox does not use is null. */
	record Report(Result imap, Result smtp) {
	}

	Report check(Mailbox mailbox) {
		return new Report(mailbox.getImapHost() == null ? null : checkImap(mailbox),
				mailbox.getSmtpHost() == null ? null : checkSmtp(mailbox));
	}

	private Result checkImap(Mailbox mailbox) {
		Optional<MailFailure> unreachable = NetworkProbe.reach(mailbox.getImapHost(), mailbox.getImapPort(),
				mailbox.getImapSecurity() == Security.TLS, TIMEOUT);
		if (unreachable.isPresent()) {
			return failed(unreachable.get());
		}
		try (Store store = imap.connect(mailbox, TIMEOUT)) {
			Folder folder = store.getFolder(mailbox.getImapFolder());
			if (!folder.exists()) {
				return failed(new MailFailure(Step.FOLDER, "mailbox.test.folder", mailbox.getImapFolder()));
			}
			return new Result(true, null, text("mailbox.test.imap-ok", mailbox.getImapFolder(),
					Integer.toString(folder.getMessageCount())));
		}
		catch (MessagingException | RuntimeException e) {
			return failed(MailFailure.of(e, mailbox.getImapHost(), mailbox.getImapPort(), mailbox.getImapUsername()));
		}
	}

	private Result checkSmtp(Mailbox mailbox) {
		Optional<MailFailure> unreachable = NetworkProbe.reach(mailbox.getSmtpHost(), mailbox.getSmtpPort(),
				mailbox.getSmtpSecurity() == Security.TLS, TIMEOUT);
		if (unreachable.isPresent()) {
			return failed(unreachable.get());
		}
		String protocol = mailbox.getSmtpSecurity() == Security.TLS ? "smtps" : "smtp";
		Session session = Session.getInstance(smtpProperties(mailbox, protocol));
		try (Transport transport = session.getTransport(protocol)) {
			transport.connect(mailbox.getSmtpHost(), mailbox.getSmtpPort(), mailbox.getSmtpUsername(), secret(mailbox));
			return new Result(true, null, text("mailbox.test.smtp-ok", mailbox.getSmtpHost()));
		}
		catch (MessagingException | RuntimeException e) {
			return failed(MailFailure.of(e, mailbox.getSmtpHost(), mailbox.getSmtpPort(), mailbox.getSmtpUsername()));
		}
	}

	/** The password, or with OAuth2 an access token (renewed when due, so the test also tries the token server). */
	private String secret(Mailbox mailbox) throws MessagingException {
		if (mailbox.getSmtpUsername() == null) {
			return null;
		}
		if (mailbox.getSmtpSecretSealed() != null) {
			return secrets.open(mailbox.getSmtpSecretSealed(), MailboxSettings.context(mailbox, "smtp"));
		}
		return tokens.accessToken(mailbox.getId(), Protocol.SMTP).orElse("");
	}

	private static Properties smtpProperties(Mailbox mailbox, String protocol) {
		String prefix = "mail." + protocol + ".";
		String millis = Long.toString(TIMEOUT.toMillis());
		Properties properties = new Properties();
		properties.put(prefix + "connectiontimeout", millis);
		properties.put(prefix + "timeout", millis);
		properties.put(prefix + "ssl.checkserveridentity", "true");
		properties.put(prefix + "auth", Boolean.toString(mailbox.getSmtpUsername() != null));
		if (mailbox.getSmtpSecurity() == Security.STARTTLS) {
			properties.put(prefix + "starttls.enable", "true");
			properties.put(prefix + "starttls.required", "true");
		}
		if (mailbox.getSmtpUsername() != null && mailbox.getSmtpSecretSealed() == null) {
			properties.put(prefix + "auth.mechanisms", "XOAUTH2");
		}
		return properties;
	}

	private Result failed(MailFailure failure) {
		return new Result(false, failure.step(), text(failure.key(), failure.args()));
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}
}

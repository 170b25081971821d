package io.rapport.channels.email.imap;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailbox.ImapAuth;
import io.rapport.channels.email.Mailbox.Security;
import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;
import io.rapport.channels.email.oauth.OAuthTokens;
import io.rapport.shared.secrets.SecretBox;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.springframework.stereotype.Component;

/**
 * Opens a signed-in IMAP connection for a mailbox: {@code imap} or {@code imaps} per its security, STARTTLS
 * required when asked for, XOAUTH2 with the access token when the mailbox uses OAuth2. Bodies are read with
 * {@code BODY.PEEK}, so reading a mail never flags it {@code \Seen}: only the poller does, after the ingest.
 */
@Component
public class ImapConnector {

	private final SecretBox secrets;

	private final OAuthTokens tokens;

	ImapConnector(SecretBox secrets, OAuthTokens tokens) {
		this.secrets = secrets;
		this.tokens = tokens;
	}

	/**
	 * A connected store; the caller closes it. With OAuth2 settings the access token is renewed when it is about
	 * to expire, and once more when the server refuses it (revoked early, or the clocks disagree).
	 */
	public Store connect(Mailbox mailbox, Duration timeout) throws MessagingException {
		String protocol = mailbox.getImapSecurity() == Security.TLS ? "imaps" : "imap";
		Session session = Session.getInstance(properties(mailbox, protocol, timeout));
		Store store = session.getStore(protocol);
		Optional<String> token = mailbox.getImapAuth() == ImapAuth.XOAUTH2
				? tokens.accessToken(mailbox.getId(), Protocol.IMAP) : Optional.empty();
		if (token.isEmpty()) {
			String secret = secrets.open(mailbox.getImapSecretSealed(), "mailbox:" + mailbox.getId() + ":imap");
			store.connect(mailbox.getImapHost(), mailbox.getImapPort(), mailbox.getImapUsername(), secret);
			return store;
		}
		try {
			store.connect(mailbox.getImapHost(), mailbox.getImapPort(), mailbox.getImapUsername(), token.get());
		}
		catch (AuthenticationFailedException refused) {
			String renewed = tokens.renewAfterRefusal(mailbox.getId(), Protocol.IMAP, token.get());
			store.connect(mailbox.getImapHost(), mailbox.getImapPort(), mailbox.getImapUsername(), renewed);
		}
		return store;
	}

	static Properties properties(Mailbox mailbox, String protocol, Duration timeout) {
		String prefix = "mail." + protocol + ".";
		String millis = Long.toString(timeout.toMillis());
		Properties properties = new Properties();
		properties.put(prefix + "connectiontimeout", millis);
		properties.put(prefix + "timeout", millis);
		properties.put(prefix + "peek", "true");
		// a mail in one FETCH: in 16 KB parts (the default) a 1 MB attachment takes 64 round trips, and servers
		// that render the whole message for each part (GreenMail does) spend quadratic time on it
		properties.put(prefix + "partialfetch", "false");
		properties.put(prefix + "ssl.checkserveridentity", "true");
		if (mailbox.getImapSecurity() == Security.STARTTLS) {
			properties.put(prefix + "starttls.enable", "true");
			properties.put(prefix + "starttls.required", "true");
		}
		if (mailbox.getImapAuth() == ImapAuth.XOAUTH2) {
			properties.put(prefix + "auth.mechanisms", "XOAUTH2");
		}
		return properties;
	}
}

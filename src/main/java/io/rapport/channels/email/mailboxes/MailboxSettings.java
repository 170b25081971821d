package io.rapport.channels.email.mailboxes;

import java.util.Locale;
import java.util.regex.Pattern;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailbox.AfterImport;
import io.rapport.channels.email.Mailbox.ImapAuth;
import io.rapport.channels.email.Mailbox.InboundMode;
import io.rapport.channels.email.Mailbox.Security;
import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;
import io.rapport.channels.email.oauth.OAuthClients;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.secrets.SecretBox;

import org.springframework.stereotype.Component;

/**
 * Checks a mailbox request field by field and copies it onto the mailbox. For a change, a value left out keeps the
 * stored one, so the same rules serve creating and editing; secrets are sealed under the mailbox's id, which is why
 * this runs once the mailbox has one.
 */
@Component
class MailboxSettings {

	static final int MIN_POLL_SECONDS = 10;

	static final int MAX_POLL_SECONDS = 86_400;

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s\"<>,;]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9A-Fa-f:.]+\\]");

	private final SecretBox secrets;

	private final OAuthClients oauth;

	MailboxSettings(SecretBox secrets, OAuthClients oauth) {
		this.secrets = secrets;
		this.oauth = oauth;
	}

	static String name(String name) {
		String value = text(name);
		if (value == null || value.length() > 100 || value.contains("\n") || value.contains("\r")) {
			throw InvalidInputException.of("name", "errors.mailbox.name");
		}
		return value;
	}

	static String address(String address) {
		String value = text(address);
		if (value == null || value.length() > 254 || !ADDRESS.matcher(value).matches()) {
			throw InvalidInputException.of("address", "errors.mailbox.address");
		}
		return value.toLowerCase(Locale.ROOT);
	}

	/** Copies the notification switches, the IMAP and the SMTP settings of a request onto a mailbox with an id. */
	void apply(Mailbox mailbox, MailboxRequest request) {
		if (request.notifyReceived() != null) {
			mailbox.setNotifyReceived(request.notifyReceived());
		}
		if (request.notifyReplies() != null) {
			mailbox.setNotifyReplies(request.notifyReplies());
		}
		if (request.notifySolved() != null) {
			mailbox.setNotifySolved(request.notifySolved());
		}
		if (request.imap() != null) {
			imap(mailbox, request.imap());
		}
		else if (request.inboundMode() == InboundMode.IMAP && mailbox.getImapHost() == null) {
			throw InvalidInputException.of("imap.host", "errors.mailbox.host");
		}
		else if (request.inboundMode() != null) {
			mailbox.setInboundMode(request.inboundMode());
		}
		if (request.smtp() != null) {
			smtp(mailbox, request.smtp());
		}
	}

	private void imap(Mailbox mailbox, MailboxRequest.Imap imap) {
		Security security = or(imap.security(), or(mailbox.getImapSecurity(), Security.TLS));
		mailbox.setImapHost(host("imap.host", or(text(imap.host()), mailbox.getImapHost())));
		mailbox.setImapSecurity(security);
		mailbox.setImapPort(port("imap.port", or(imap.port(), or(mailbox.getImapPort(), security == Security.TLS ? 993 : 143))));
		mailbox.setImapUsername(required("imap.username", or(text(imap.username()), mailbox.getImapUsername()), 254));
		imapSignIn(mailbox, imap);
		mailbox.setImapFolder(required("imap.folder", or(text(imap.folder()), or(mailbox.getImapFolder(), "INBOX")), 200));
		int poll = or(imap.pollSeconds(), or(mailbox.getPollSeconds(), 60));
		if (poll < MIN_POLL_SECONDS || poll > MAX_POLL_SECONDS) {
			throw InvalidInputException.of("imap.pollSeconds", "errors.mailbox.poll-seconds", MIN_POLL_SECONDS,
					MAX_POLL_SECONDS);
		}
		mailbox.setPollSeconds(poll);
		AfterImport after = or(imap.afterImport(), or(mailbox.getAfterImport(), AfterImport.SEEN));
		String moveFolder = or(text(imap.moveFolder()), mailbox.getMoveFolder());
		if (after == AfterImport.MOVE) {
			moveFolder = required("imap.moveFolder", moveFolder, 200);
		}
		mailbox.setAfterImport(after);
		mailbox.setMoveFolder(after == AfterImport.MOVE ? moveFolder : null);
		mailbox.setInboundMode(InboundMode.IMAP);
	}

	/**
	 * A password, a pasted access token, or an OAuth2 client and refresh token (then no secret of the mailbox's
	 * own: the token store keeps them). Choosing a password or a pasted token again forgets the OAuth2 settings.
	 */
	private void imapSignIn(Mailbox mailbox, MailboxRequest.Imap imap) {
		if (imap.oauth2() != null && imap.auth() != ImapAuth.PASSWORD) {
			oauth.configure(mailbox.getId(), Protocol.IMAP, imap.oauth2().client(), "imap.oauth2");
			mailbox.setImapSecretSealed(null);
			mailbox.setImapAuth(ImapAuth.XOAUTH2);
			return;
		}
		ImapAuth auth = or(imap.auth(), or(mailbox.getImapAuth(), ImapAuth.PASSWORD));
		String secret = text(auth == ImapAuth.XOAUTH2 ? imap.accessToken() : imap.password());
		boolean refreshing = oauth.uses(mailbox.getId(), Protocol.IMAP);
		if (auth == ImapAuth.XOAUTH2 && secret == null && refreshing) {
			return;
		}
		String field = auth == ImapAuth.XOAUTH2 ? "imap.accessToken" : "imap.password";
		if (secret != null) {
			mailbox.setImapSecretSealed(secrets.seal(secret, context(mailbox, "imap")));
		}
		else if (mailbox.getImapSecretSealed() == null || auth != mailbox.getImapAuth()) {
			throw InvalidInputException.of(field, "errors.mailbox.password");
		}
		mailbox.setImapAuth(auth);
		oauth.remove(mailbox.getId(), Protocol.IMAP);
	}

	private void smtp(Mailbox mailbox, MailboxRequest.Smtp smtp) {
		Security security = or(smtp.security(), or(mailbox.getSmtpSecurity(), Security.STARTTLS));
		mailbox.setSmtpHost(host("smtp.host", or(text(smtp.host()), mailbox.getSmtpHost())));
		mailbox.setSmtpSecurity(security);
		int defaultPort = switch (security) {
			case TLS -> 465;
			case STARTTLS -> 587;
			case NONE -> 25;
		};
		mailbox.setSmtpPort(port("smtp.port", or(smtp.port(), or(mailbox.getSmtpPort(), defaultPort))));
		String username = smtp.username() == null ? mailbox.getSmtpUsername() : text(smtp.username());
		mailbox.setSmtpUsername(username == null ? null : required("smtp.username", username, 254));
		smtpSignIn(mailbox, smtp, username);
		String fromName = smtp.fromName() == null ? mailbox.getFromName() : text(smtp.fromName());
		if (fromName != null && (fromName.length() > 100 || fromName.chars().anyMatch(c -> c == '\r' || c == '\n'))) {
			throw InvalidInputException.of("smtp.fromName", "errors.mailbox.from-name");
		}
		mailbox.setFromName(fromName);
	}

	/** No sign-in without a username; else a password, or OAuth2 (XOAUTH2) with a refreshed token. */
	private void smtpSignIn(Mailbox mailbox, MailboxRequest.Smtp smtp, String username) {
		String password = text(smtp.password());
		if (username == null) {
			if (smtp.oauth2() != null) {
				throw InvalidInputException.of("smtp.username", "errors.mailbox.username");
			}
			mailbox.setSmtpSecretSealed(null);
			oauth.remove(mailbox.getId(), Protocol.SMTP);
		}
		else if (smtp.oauth2() != null) {
			oauth.configure(mailbox.getId(), Protocol.SMTP, smtp.oauth2().client(), "smtp.oauth2");
			mailbox.setSmtpSecretSealed(null);
		}
		else if (password != null) {
			mailbox.setSmtpSecretSealed(secrets.seal(password, context(mailbox, "smtp")));
			oauth.remove(mailbox.getId(), Protocol.SMTP);
		}
		else if (mailbox.getSmtpSecretSealed() == null && !oauth.uses(mailbox.getId(), Protocol.SMTP)) {
			throw InvalidInputException.of("smtp.password", "errors.mailbox.password");
		}
	}

	/** The {@code SecretBox} context of a mailbox's secret: {@code mailbox:<id>:imap} or {@code :smtp}. */
	static String context(Mailbox mailbox, String protocol) {
		return "mailbox:" + mailbox.getId() + ":" + protocol;
	}

	private static String host(String field, String host) {
		if (host == null || !HOST.matcher(host).matches()) {
			throw InvalidInputException.of(field, "errors.mailbox.host");
		}
		return host.toLowerCase(Locale.ROOT);
	}

	private static int port(String field, int port) {
		if (port < 1 || port > 65_535) {
			throw InvalidInputException.of(field, "errors.mailbox.port");
		}
		return port;
	}

	private static String required(String field, String value, int max) {
		if (value == null || value.length() > max || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
			throw InvalidInputException.of(field, "errors.mailbox." + field.substring(field.indexOf('.') + 1)
				.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
		}
		return value;
	}

	static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}
}

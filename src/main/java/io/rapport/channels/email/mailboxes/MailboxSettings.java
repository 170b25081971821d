package io.rapport.channels.email.mailboxes;

import java.util.Locale;
import java.util.regex.Pattern;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailbox.AfterImport;
import io.rapport.channels.email.Mailbox.ImapAuth;
import io.rapport.channels.email.Mailbox.InboundMode;
import io.rapport.channels.email.Mailbox.Security;
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

	MailboxSettings(SecretBox secrets) {
		this.secrets = secrets;
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
		ImapAuth auth = or(imap.auth(), or(mailbox.getImapAuth(), ImapAuth.PASSWORD));
		String secret = text(auth == ImapAuth.XOAUTH2 ? imap.accessToken() : imap.password());
		String field = auth == ImapAuth.XOAUTH2 ? "imap.accessToken" : "imap.password";
		if (secret != null) {
			mailbox.setImapSecretSealed(secrets.seal(secret, context(mailbox, "imap")));
		}
		else if (mailbox.getImapSecretSealed() == null || auth != mailbox.getImapAuth()) {
			throw InvalidInputException.of(field, "errors.mailbox.password");
		}
		mailbox.setImapAuth(auth);
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
		String password = text(smtp.password());
		if (username == null) {
			mailbox.setSmtpSecretSealed(null);
		}
		else if (password != null) {
			mailbox.setSmtpSecretSealed(secrets.seal(password, context(mailbox, "smtp")));
		}
		else if (mailbox.getSmtpSecretSealed() == null) {
			throw InvalidInputException.of("smtp.password", "errors.mailbox.password");
		}
		String fromName = smtp.fromName() == null ? mailbox.getFromName() : text(smtp.fromName());
		if (fromName != null && (fromName.length() > 100 || fromName.chars().anyMatch(c -> c == '\r' || c == '\n'))) {
			throw InvalidInputException.of("smtp.fromName", "errors.mailbox.from-name");
		}
		mailbox.setFromName(fromName);
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

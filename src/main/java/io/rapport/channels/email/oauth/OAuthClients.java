package io.rapport.channels.email.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.secrets.SecretBox;

import org.springframework.stereotype.Component;

/**
 * Stores what an administrator gives for a mailbox's OAuth2 sign-in: client id, client secret, token URL and
 * refresh token. For a change, a secret left out keeps the stored one. The token URL must be https (plain http
 * only to this machine, for a local token server), since the refresh token and client secret travel to it.
 */
@Component
public class OAuthClients {

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private final MailboxOAuths rows;

	private final SecretBox secrets;

	OAuthClients(MailboxOAuths rows, SecretBox secrets) {
		this.rows = rows;
		this.secrets = secrets;
	}

	/** The client settings as a request gives them; null fields keep what is stored. */
	public record Client(String clientId, String clientSecret, String tokenUrl, String refreshToken) {
	}

	/**
	 * Creates or changes the OAuth2 settings of one side of a mailbox; {@code field} prefixes the names of the
	 * fields at fault ({@code imap.oauth2}).
	 */
	public void configure(long mailboxId, Protocol protocol, Client client, String field) {
		MailboxOAuth row = rows.findByMailboxIdAndProtocol(mailboxId, protocol).orElse(null);
		String clientId = text(client.clientId(), row == null ? null : row.getClientId());
		if (clientId == null || clientId.length() > 500 || controls(clientId)) {
			throw InvalidInputException.of(field + ".clientId", "errors.mailbox.oauth.client-id");
		}
		String tokenUrl = tokenUrl(text(client.tokenUrl(), row == null ? null : row.getTokenUrl()), field);
		String refresh = text(client.refreshToken(), null);
		if ((refresh == null && row == null) || (refresh != null && (refresh.length() > 4000 || controls(refresh)))) {
			throw InvalidInputException.of(field + ".refreshToken", "errors.mailbox.oauth.refresh-token");
		}
		String secret = text(client.clientSecret(), null);
		if (secret != null && (secret.length() > 1000 || controls(secret))) {
			throw InvalidInputException.of(field + ".clientSecret", "errors.mailbox.oauth.client-secret");
		}
		MailboxOAuth target = row != null ? row : new MailboxOAuth(mailboxId, protocol);
		String context = "mailbox:" + mailboxId + ":" + protocol.name().toLowerCase(Locale.ROOT) + ":oauth-";
		target.client(clientId, tokenUrl, secret == null ? null : secrets.seal(secret, context + "client"),
				refresh == null ? null : secrets.seal(refresh, context + "refresh"));
		rows.save(target);
	}

	/** Whether this side of the mailbox has OAuth2 settings. */
	public boolean uses(long mailboxId, Protocol protocol) {
		return rows.findByMailboxIdAndProtocol(mailboxId, protocol).isPresent();
	}

	/** Forgets the OAuth2 settings of one side (it signs in with a password or a pasted token again). */
	public void remove(long mailboxId, Protocol protocol) {
		rows.findByMailboxIdAndProtocol(mailboxId, protocol).ifPresent(rows::delete);
	}

	private static String tokenUrl(String value, String field) {
		if (value == null || value.length() > 500) {
			throw InvalidInputException.of(field + ".tokenUrl", "errors.mailbox.oauth.token-url");
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
			boolean allowed = scheme.equals("https") || (scheme.equals("http") && LOOPBACK.contains(host));
			if (!allowed || host.isEmpty() || uri.getUserInfo() != null || uri.getFragment() != null) {
				throw InvalidInputException.of(field + ".tokenUrl", "errors.mailbox.oauth.token-url");
			}
			return value;
		}
		catch (URISyntaxException e) {
			throw InvalidInputException.of(field + ".tokenUrl", "errors.mailbox.oauth.token-url");
		}
	}

	private static String text(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	private static boolean controls(String value) {
		return value.chars().anyMatch(Character::isISOControl);
	}
}

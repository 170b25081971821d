package io.rapport.channels.email.oauth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;

/**
 * The token servers of the two providers whose mailboxes need OAuth2. Google's refresh grant needs no scope;
 * Microsoft's v2 endpoint wants the scope of the protocol named again, so it is sent for its hosts.
 */
public final class OAuthPresets {

	public static final String GOOGLE = "https://oauth2.googleapis.com/token";

	public static final String MICROSOFT = "https://login.microsoftonline.com/organizations/oauth2/v2.0/token";

	/** A preset for the mailbox form: its name and token URL. */
	public record Preset(String name, String tokenUrl) {
	}

	private OAuthPresets() {
	}

	public static List<Preset> all() {
		return List.of(new Preset("Google", GOOGLE), new Preset("Microsoft 365", MICROSOFT));
	}

	/** The scope to ask for again when renewing, for token servers that want one. */
	static Optional<String> scope(String tokenUrl, Protocol protocol) {
		String host = URI.create(tokenUrl).getHost();
		if (host != null && host.toLowerCase(Locale.ROOT).equals("login.microsoftonline.com")) {
			return Optional.of(protocol == Protocol.IMAP
					? "https://outlook.office.com/IMAP.AccessAsUser.All offline_access"
					: "https://outlook.office.com/SMTP.Send offline_access");
		}
		return Optional.empty();
	}
}

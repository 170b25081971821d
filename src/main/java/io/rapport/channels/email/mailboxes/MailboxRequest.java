package io.rapport.channels.email.mailboxes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rapport.channels.email.Mailbox.AfterImport;
import io.rapport.channels.email.Mailbox.ImapAuth;
import io.rapport.channels.email.Mailbox.InboundMode;
import io.rapport.channels.email.Mailbox.Security;
import io.rapport.channels.email.oauth.OAuthClients;

/**
 * What a client sends to create a mailbox, or to change one (then every field is optional: what is left out stays
 * as it is; a password left out keeps the stored one). {@code imap} present means the mailbox polls over IMAP;
 * {@code inboundMode: PUSH} stops polling and keeps only the push endpoint.
 */
record MailboxRequest(String name, String address, String group, InboundMode inboundMode, Imap imap, Smtp smtp,
		Boolean notifyReceived, Boolean notifyReplies, Boolean notifySolved,
		@JsonProperty("default") Boolean makeDefault, Boolean active) {

	/**
	 * IMAP settings; {@code accessToken} is an OAuth2 access token used with XOAUTH2 instead of a password (it
	 * expires); {@code oauth2} instead lets Rapport renew the access token itself.
	 */
	record Imap(String host, Integer port, Security security, String username, ImapAuth auth, String password,
			String accessToken, String folder, Integer pollSeconds, AfterImport afterImport, String moveFolder,
			OAuth2 oauth2) {
	}

	/** SMTP settings; no username means the server takes mail without signing in; {@code oauth2} signs in with XOAUTH2. */
	record Smtp(String host, Integer port, Security security, String username, String password, String fromName,
			OAuth2 oauth2) {
	}

	/**
	 * An OAuth2 client and refresh token (RFC 6749 refresh_token grant) from which Rapport fetches and renews the
	 * access token; {@code clientSecret} and {@code refreshToken} are write-only, and left out on a change they stay.
	 */
	record OAuth2(String clientId, String clientSecret, String tokenUrl, String refreshToken) {

		OAuthClients.Client client() {
			return new OAuthClients.Client(clientId, clientSecret, tokenUrl, refreshToken);
		}
	}
}

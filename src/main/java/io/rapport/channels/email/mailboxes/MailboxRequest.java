package io.rapport.channels.email.mailboxes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rapport.channels.email.Mailbox.AfterImport;
import io.rapport.channels.email.Mailbox.ImapAuth;
import io.rapport.channels.email.Mailbox.InboundMode;
import io.rapport.channels.email.Mailbox.Security;

/**
 * What a client sends to create a mailbox, or to change one (then every field is optional: what is left out stays
 * as it is; a password left out keeps the stored one). {@code imap} present means the mailbox polls over IMAP;
 * {@code inboundMode: PUSH} stops polling and keeps only the push endpoint.
 */
record MailboxRequest(String name, String address, String group, InboundMode inboundMode, Imap imap, Smtp smtp,
		Boolean notifyReceived, Boolean notifyReplies, Boolean notifySolved,
		@JsonProperty("default") Boolean makeDefault, Boolean active) {

	/** IMAP settings; {@code accessToken} is an OAuth2 access token used with XOAUTH2 instead of a password. */
	record Imap(String host, Integer port, Security security, String username, ImapAuth auth, String password,
			String accessToken, String folder, Integer pollSeconds, AfterImport afterImport, String moveFolder) {
	}

	/** SMTP settings; no username means the server takes mail without signing in. */
	record Smtp(String host, Integer port, Security security, String username, String password, String fromName) {
	}
}

package io.rapport.channels.email.mailboxes;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rapport.channels.email.InboundMailStats;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailbox.AfterImport;
import io.rapport.channels.email.Mailbox.ImapAuth;
import io.rapport.channels.email.Mailbox.InboundMode;
import io.rapport.channels.email.Mailbox.Security;
import io.rapport.channels.email.oauth.MailboxOAuth;

/**
 * A mailbox as clients and pages see it: settings without any secret ({@code passwordSet} says whether one is
 * stored), the polling status and counts. {@code inboundSecret} is filled only in the answer that made it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MailboxView(long id, String name, String address, String group, InboundMode inboundMode, Imap imap,
		Smtp smtp, boolean notifyReceived, boolean notifyReplies, boolean notifySolved,
		@JsonProperty("default") boolean isDefault, boolean active, Status status, String inboundUrl,
		String inboundSecret, long version) {

	record Imap(String host, Integer port, Security security, String username, ImapAuth auth, String folder,
			Integer pollSeconds, AfterImport afterImport, String moveFolder, boolean passwordSet, OAuth2 oauth2) {
	}

	record Smtp(String host, Integer port, Security security, String username, String fromName,
			boolean passwordSet, OAuth2 oauth2) {
	}

	/**
	 * OAuth2 sign-in without its secrets: the access token's state ({@code renewedAt}, {@code expiresAt}) or the
	 * token server's last refusal in words ({@code error}, cleared by the next renewal that works).
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record OAuth2(String clientId, String tokenUrl, boolean clientSecretSet, boolean refreshTokenSet,
			Instant renewedAt, Instant expiresAt, String error, Instant errorAt) {

		static OAuth2 of(Optional<MailboxOAuth> row) {
			return row.map(o -> new OAuth2(o.getClientId(), o.getTokenUrl(), o.hasClientSecret(), true,
					o.getRenewedAt(), o.getExpiresAt(), o.getLastError(), o.getLastErrorAt())).orElse(null);
		}
	}

	/** The last poll (IMAP only) and what the inbound pipeline counted; counts are 0 until it reports them. */
	record Status(Instant lastPolledAt, String lastError, long received, long held, long spam, long failed) {
	}

	static MailboxView of(Mailbox mailbox, InboundMailStats.Counts counts, String baseUrl, String secret,
			OAuth2 imapOAuth, OAuth2 smtpOAuth) {
		Imap imap = mailbox.getImapHost() == null ? null
				: new Imap(mailbox.getImapHost(), mailbox.getImapPort(), mailbox.getImapSecurity(),
						mailbox.getImapUsername(), mailbox.getImapAuth(), mailbox.getImapFolder(),
						mailbox.getPollSeconds(), mailbox.getAfterImport(), mailbox.getMoveFolder(),
						mailbox.getImapSecretSealed() != null || imapOAuth != null, imapOAuth);
		Smtp smtp = mailbox.getSmtpHost() == null ? null
				: new Smtp(mailbox.getSmtpHost(), mailbox.getSmtpPort(), mailbox.getSmtpSecurity(),
						mailbox.getSmtpUsername(), mailbox.getFromName(),
						mailbox.getSmtpSecretSealed() != null || smtpOAuth != null, smtpOAuth);
		Status status = new Status(mailbox.getLastPolledAt(), mailbox.getLastPollError(), counts.received(),
				counts.held(), counts.spam(), counts.failed());
		return new MailboxView(mailbox.getId(), mailbox.getName(), mailbox.getAddress(), mailbox.getGroup(),
				mailbox.getInboundMode(), imap, smtp, mailbox.isNotifyReceived(), mailbox.isNotifyReplies(),
				mailbox.isNotifySolved(), mailbox.isDefaultMailbox(), mailbox.isActive(), status,
				inboundUrl(baseUrl, mailbox.getId()), secret, mailbox.getVersion());
	}

	static String inboundUrl(String baseUrl, long id) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return base + "/api/v1/mailboxes/" + id + "/inbound";
	}
}

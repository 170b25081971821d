package io.rapport.channels.email.oauth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The OAuth2 client and refresh token of one side (IMAP or SMTP) of a mailbox, and the access token fetched with
 * them. Access tokens of Gmail and Microsoft 365 last about an hour, so a mailbox that kept only one stopped
 * working an hour after it was saved; with the refresh token Rapport renews it itself. Every token and the client
 * secret are sealed; only {@link OAuthTokens} opens them.
 */
@Entity
@Table(name = "mailbox_oauth")
public class MailboxOAuth {

	/** Which sign-in of the mailbox the tokens are for. */
	public enum Protocol {
		IMAP, SMTP
	}

	@Id
	@GeneratedValue(generator = "mailbox_oauth_seq")
	@SequenceGenerator(name = "mailbox_oauth_seq", sequenceName = "mailbox_oauth_seq", allocationSize = 50)
	private Long id;

	@Column(name = "mailbox_id")
	private long mailboxId;

	@Enumerated(EnumType.STRING)
	private Protocol protocol;

	@Column(name = "client_id")
	private String clientId;

	@Column(name = "client_secret")
	private String clientSecretSealed;

	@Column(name = "token_url")
	private String tokenUrl;

	@Column(name = "refresh_token")
	private String refreshTokenSealed;

	@Column(name = "access_token")
	private String accessTokenSealed;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "renewed_at")
	private Instant renewedAt;

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "last_error_at")
	private Instant lastErrorAt;

	@Version
	private long version;

	protected MailboxOAuth() {
	}

	public MailboxOAuth(long mailboxId, Protocol protocol) {
		this.mailboxId = mailboxId;
		this.protocol = protocol;
	}

	public long getMailboxId() { return mailboxId; }
	public Protocol getProtocol() { return protocol; }
	public String getClientId() { return clientId; }
	public String getTokenUrl() { return tokenUrl; }
	public Instant getExpiresAt() { return expiresAt; }
	public Instant getRenewedAt() { return renewedAt; }
	public String getLastError() { return lastError; }
	public Instant getLastErrorAt() { return lastErrorAt; }
	public boolean hasClientSecret() { return clientSecretSealed != null; }

	String clientSecretSealed() { return clientSecretSealed; }
	String refreshTokenSealed() { return refreshTokenSealed; }
	String accessTokenSealed() { return accessTokenSealed; }

	/** New client settings; a different client or refresh token makes the stored access token useless. */
	void client(String clientId, String tokenUrl, String clientSecretSealed, String refreshTokenSealed) {
		boolean changed = !clientId.equals(this.clientId) || !tokenUrl.equals(this.tokenUrl)
				|| clientSecretSealed != null || refreshTokenSealed != null;
		this.clientId = clientId;
		this.tokenUrl = tokenUrl;
		if (clientSecretSealed != null) {
			this.clientSecretSealed = clientSecretSealed.isEmpty() ? null : clientSecretSealed;
		}
		if (refreshTokenSealed != null) {
			this.refreshTokenSealed = refreshTokenSealed;
		}
		if (changed) {
			this.accessTokenSealed = null;
			this.expiresAt = null;
			this.lastError = null;
			this.lastErrorAt = null;
		}
	}

	void renewed(String accessTokenSealed, String rotatedRefreshTokenSealed, Instant at, Instant expiresAt) {
		this.accessTokenSealed = accessTokenSealed;
		if (rotatedRefreshTokenSealed != null) {
			this.refreshTokenSealed = rotatedRefreshTokenSealed;
		}
		this.renewedAt = at;
		this.expiresAt = expiresAt;
		this.lastError = null;
		this.lastErrorAt = null;
	}

	void failed(String error, Instant at) {
		this.lastError = error.length() > 1000 ? error.substring(0, 999) + "…" : error;
		this.lastErrorAt = at;
	}

	/** Forgets the access token, so that the next connection renews it (the server refused it). */
	void expire() {
		this.expiresAt = null;
	}
}

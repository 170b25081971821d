package io.rapport.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A link that lets a contact choose a portal password once, until it expires. Only the SHA-256 of the link's
 * random token is stored: a copy of the database does not open anyone's portal.
 */
@Entity
@Table(name = "portal_invitations")
public class PortalInvitation {

	@Id
	@GeneratedValue(generator = "portal_invitations_seq")
	@SequenceGenerator(name = "portal_invitations_seq", sequenceName = "portal_invitations_seq", allocationSize = 1)
	private Long id;

	@Column(name = "contact_id")
	private long contactId;

	private String email;

	private String name;

	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "invited_by")
	private long invitedBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "used_at")
	private Instant usedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected PortalInvitation() {
	}

	public PortalInvitation(long contactId, String email, String name, String tokenHash, long invitedBy,
			Instant createdAt, Instant expiresAt) {
		this.contactId = contactId;
		this.email = email;
		this.name = name;
		this.tokenHash = tokenHash;
		this.invitedBy = invitedBy;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	public static String hash(String rawToken) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public boolean isUsed() {
		return usedAt != null;
	}

	public boolean isRevoked() {
		return revokedAt != null;
	}

	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}

	/** A newer invitation replaces this one: only the latest link works. */
	public void revoke(Instant at) {
		if (usedAt == null && revokedAt == null) {
			revokedAt = at;
		}
	}

	public Long getId() {
		return id;
	}

	public long getContactId() {
		return contactId;
	}

	public String getEmail() {
		return email;
	}

	public String getName() {
		return name;
	}

	public Instant getExpiresAt() {
		return expiresAt;
	}
}

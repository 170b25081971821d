package io.rapport.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer contact's password for the portal and the API. The contact itself belongs to the accounts module. */
@Entity
@Table(name = "portal_logins")
public class PortalLogin {

	@Id
	@Column(name = "contact_id")
	private Long contactId;

	private String email;

	private String name;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "created_at")
	private Instant createdAt;

	/** When the address was proven (a link mailed to it was opened); null until then, and no sign-in before. */
	@Column(name = "verified_at")
	private Instant verifiedAt;

	protected PortalLogin() {
	}

	/** A login whose address is vouched for (an invitation link, an admin): verified from the start. */
	public PortalLogin(long contactId, String email, String name, String passwordHash, Instant createdAt) {
		this.contactId = contactId;
		this.email = email;
		this.name = name;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
		this.verifiedAt = createdAt;
	}

	/** A login chosen at sign-up: it signs in once the address is verified. */
	public static PortalLogin unverified(long contactId, String email, String name, String passwordHash,
			Instant createdAt) {
		PortalLogin login = new PortalLogin(contactId, email, name, passwordHash, createdAt);
		login.verifiedAt = null;
		return login;
	}

	public void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/** A new sign-up for an address nobody verified yet: the latest one to choose a password wins. */
	public void replaceUnverified(String name, String passwordHash) {
		this.name = name;
		this.passwordHash = passwordHash;
	}

	public void verify(Instant at) {
		if (verifiedAt == null) {
			verifiedAt = at;
		}
	}

	public boolean isVerified() {
		return verifiedAt != null;
	}

	public Long getContactId() {
		return contactId;
	}

	public String getEmail() {
		return email;
	}

	public String getName() {
		return name;
	}

	public String getPasswordHash() {
		return passwordHash;
	}
}

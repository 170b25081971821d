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

	protected PortalLogin() {
	}

	public PortalLogin(long contactId, String email, String name, String passwordHash, Instant createdAt) {
		this.contactId = contactId;
		this.email = email;
		this.name = name;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
	}

	public void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
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

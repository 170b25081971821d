package io.rapport.accounts.internal;

import java.time.Instant;
import java.util.Locale;

import io.rapport.accounts.ContactView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "contacts")
public class Contact {

	@Id
	@GeneratedValue(generator = "contacts_seq")
	@SequenceGenerator(name = "contacts_seq", sequenceName = "contacts_seq", allocationSize = 50)
	private Long id;

	private String email;

	private String name;

	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "created_at")
	private Instant createdAt;

	private String locale;

	/** What the contact is at the customer ("CFO", "Workspace admin"): free text, optional. */
	private String role;

	@Version
	private long version;

	protected Contact() {
	}

	public Contact(String email, String name, Long accountId, Instant createdAt) {
		this.email = email;
		this.name = name;
		this.accountId = accountId;
		this.createdAt = createdAt;
	}

	public void update(String name, Long accountId) {
		this.name = name;
		this.accountId = accountId;
	}

	public ContactView view() {
		return new ContactView(id, email, name, accountId, createdAt,
				locale == null ? null : Locale.forLanguageTag(locale));
	}

	/** The language tag ({@code zh}), or null to forget it. */
	public void speak(String languageTag) {
		this.locale = languageTag;
	}

	public String getRole() {
		return role;
	}

	public void assignRole(String role) {
		this.role = role;
	}

	public String getLocale() {
		return locale;
	}

	public Long getId() {
		return id;
	}

	public String getEmail() {
		return email;
	}
}

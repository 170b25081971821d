package io.rapport.accounts.internal;

import java.time.Instant;

import io.rapport.accounts.AccountView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "accounts")
public class Account {

	@Id
	@GeneratedValue(generator = "accounts_seq")
	@SequenceGenerator(name = "accounts_seq", sequenceName = "accounts_seq", allocationSize = 50)
	private Long id;

	private String name;

	private String domain;

	@Column(name = "external_id")
	private String externalId;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	protected Account() {
	}

	public Account(String name, String domain, String externalId, Instant createdAt) {
		this.name = name;
		this.domain = domain;
		this.externalId = externalId;
		this.createdAt = createdAt;
	}

	public void update(String name, String domain, String externalId) {
		this.name = name;
		this.domain = domain;
		this.externalId = externalId;
	}

	public AccountView view() {
		return new AccountView(id, name, domain, externalId, createdAt);
	}

	public Long getId() {
		return id;
	}

	public String getDomain() {
		return domain;
	}
}

package io.rapport.identity.internal;

import java.time.Instant;

import io.rapport.identity.UserKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A personal API token. Only its SHA-256 is kept: the token is random and long, so a fast hash suffices. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

	@Id
	@GeneratedValue(generator = "api_tokens_seq")
	@SequenceGenerator(name = "api_tokens_seq", sequenceName = "api_tokens_seq", allocationSize = 1)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(name = "owner_kind")
	private UserKind ownerKind;

	@Column(name = "owner_id")
	private long ownerId;

	private String name;

	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "created_at")
	private Instant createdAt;

	protected ApiToken() {
	}

	public ApiToken(UserKind ownerKind, long ownerId, String name, String tokenHash, Instant createdAt) {
		this.ownerKind = ownerKind;
		this.ownerId = ownerId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public UserKind getOwnerKind() {
		return ownerKind;
	}

	public long getOwnerId() {
		return ownerId;
	}

	public String getName() {
		return name;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}

package io.rapport.accounts.internal;

import java.time.Instant;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.PinnedNote;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

	@Enumerated(EnumType.STRING)
	private LifecycleStage stage = LifecycleStage.ONBOARDING;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "pinned_note")
	private String pinnedNote;

	@Column(name = "pinned_note_by")
	private Long pinnedNoteBy;

	@Column(name = "pinned_note_at")
	private Instant pinnedNoteAt;

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
		return new AccountView(id, name, domain, externalId, createdAt, stage, ownerId);
	}

	public LifecycleStage stage() {
		return stage;
	}

	public void stage(LifecycleStage stage) {
		this.stage = stage;
	}

	public void owner(Long agentId) {
		this.ownerId = agentId;
	}

	public void pin(String note, Long by, Instant at) {
		this.pinnedNote = note;
		this.pinnedNoteBy = note == null ? null : by;
		this.pinnedNoteAt = note == null ? null : at;
	}

	public PinnedNote pinnedNote() {
		return pinnedNote == null ? null : new PinnedNote(pinnedNote, pinnedNoteBy, pinnedNoteAt);
	}

	public Long getId() {
		return id;
	}

	public String getDomain() {
		return domain;
	}
}

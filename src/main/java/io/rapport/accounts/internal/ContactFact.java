package io.rapport.accounts.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Something that happened to a contact at a time, kept as a row so it can be counted over a period (how often a
 * customer asked to reset their password this month). Facts are never changed, only added.
 */
@Entity
@Table(name = "contact_facts")
public class ContactFact {

	@Id
	@GeneratedValue(generator = "contact_facts_seq")
	@SequenceGenerator(name = "contact_facts_seq", sequenceName = "contact_facts_seq", allocationSize = 50)
	private Long id;

	@Column(name = "contact_id")
	private long contactId;

	private String kind;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	protected ContactFact() {
	}

	public ContactFact(long contactId, String kind, Instant occurredAt) {
		this.contactId = contactId;
		this.kind = kind;
		this.occurredAt = occurredAt;
	}

	public Long getId() {
		return id;
	}
}

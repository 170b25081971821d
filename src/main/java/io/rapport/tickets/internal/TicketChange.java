package io.rapport.tickets.internal;

import java.time.Instant;

import io.rapport.tickets.AuthorKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One changed field of a ticket: the audit trail shown on the ticket and served by the API. */
@Entity
@Table(name = "ticket_changes")
public class TicketChange {

	@Id
	@GeneratedValue(generator = "ticket_changes_seq")
	@SequenceGenerator(name = "ticket_changes_seq", sequenceName = "ticket_changes_seq", allocationSize = 50)
	private Long id;

	@Column(name = "ticket_id")
	private Long ticketId;

	@Enumerated(EnumType.STRING)
	@Column(name = "actor_kind")
	private AuthorKind actorKind;

	@Column(name = "actor_id")
	private Long actorId;

	private String field;

	@Column(name = "old_value")
	private String oldValue;

	@Column(name = "new_value")
	private String newValue;

	@Column(name = "changed_at")
	private Instant at;

	/** The name of a system actor (an SLA policy); null for people and for Rapport itself. */
	@Column(name = "actor_label")
	private String actorLabel;

	protected TicketChange() {
	}

	TicketChange(Long ticketId, AuthorKind actorKind, Long actorId, String field, String oldValue, String newValue,
			Instant at) {
		this.ticketId = ticketId;
		this.actorKind = actorKind;
		this.actorId = actorId;
		this.field = field;
		this.oldValue = oldValue;
		this.newValue = newValue;
		this.at = at;
	}

	TicketChange(Long ticketId, AuthorKind actorKind, Long actorId, String actorLabel, String field, String oldValue,
			String newValue, Instant at) {
		this(ticketId, actorKind, actorId, field, oldValue, newValue, at);
		this.actorLabel = actorLabel;
	}

	public String getActorLabel() {
		return actorLabel;
	}

	public Long getId() {
		return id;
	}

	public Long getTicketId() {
		return ticketId;
	}

	public AuthorKind getActorKind() {
		return actorKind;
	}

	public Long getActorId() {
		return actorId;
	}

	public String getField() {
		return field;
	}

	public String getOldValue() {
		return oldValue;
	}

	public String getNewValue() {
		return newValue;
	}

	public Instant getAt() {
		return at;
	}
}

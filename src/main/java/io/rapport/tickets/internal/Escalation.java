package io.rapport.tickets.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "escalations")
public class Escalation {

	@Id
	@GeneratedValue(generator = "escalations_seq")
	@SequenceGenerator(name = "escalations_seq", sequenceName = "escalations_seq", allocationSize = 50)
	private Long id;

	@Column(name = "ticket_id")
	private Long ticketId;

	@Column(name = "from_group_id")
	private long fromGroupId;

	@Column(name = "to_group_id")
	private long toGroupId;

	private String reason;

	@Column(name = "by_id")
	private Long byId;

	@Column(name = "escalated_at")
	private Instant at;

	protected Escalation() {
	}

	Escalation(Long ticketId, long fromGroupId, long toGroupId, String reason, Long byId, Instant at) {
		this.ticketId = ticketId;
		this.fromGroupId = fromGroupId;
		this.toGroupId = toGroupId;
		this.reason = reason;
		this.byId = byId;
		this.at = at;
	}

	public Long getTicketId() {
		return ticketId;
	}

	public long getFromGroupId() {
		return fromGroupId;
	}

	public long getToGroupId() {
		return toGroupId;
	}

	public String getReason() {
		return reason;
	}

	public Long getById() {
		return byId;
	}

	public Instant getAt() {
		return at;
	}
}

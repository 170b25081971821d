package io.rapport.tickets;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as shown. {@code ccs} are the addresses copied on it (lower case): agents see them, and a customer on
 * their own ticket.
 */
public record TicketView(long id, long number, String subject, TicketStatus status, TicketPriority priority,
		TicketType type, Channel channel, String group, Long assigneeId, Requester requester, Long accountId,
		List<String> tags, long version, Instant createdAt, Instant updatedAt, Instant firstResponseAt,
		Instant solvedAt, List<EscalationView> escalations, List<String> ccs) {

	public TicketView {
		ccs = ccs == null ? List.of() : List.copyOf(ccs);
	}

	/** A ticket nobody is copied on. */
	public TicketView(long id, long number, String subject, TicketStatus status, TicketPriority priority,
			TicketType type, Channel channel, String group, Long assigneeId, Requester requester, Long accountId,
			List<String> tags, long version, Instant createdAt, Instant updatedAt, Instant firstResponseAt,
			Instant solvedAt, List<EscalationView> escalations) {
		this(id, number, subject, status, priority, type, channel, group, assigneeId, requester, accountId, tags,
				version, createdAt, updatedAt, firstResponseAt, solvedAt, escalations, List.of());
	}

	public record Requester(long id, String email, String name) {
	}
}

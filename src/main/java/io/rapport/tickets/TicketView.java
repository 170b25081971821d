package io.rapport.tickets;

import java.time.Instant;
import java.util.List;

public record TicketView(long id, long number, String subject, TicketStatus status, TicketPriority priority,
		TicketType type, Channel channel, String group, Long assigneeId, Requester requester, Long accountId,
		List<String> tags, long version, Instant createdAt, Instant updatedAt, Instant firstResponseAt,
		Instant solvedAt, List<EscalationView> escalations) {

	public record Requester(long id, String email, String name) {
	}
}

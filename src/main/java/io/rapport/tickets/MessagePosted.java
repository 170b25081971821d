package io.rapport.tickets;

import java.time.Instant;

public record MessagePosted(long ticketId, long messageId, AuthorKind authorType, Long authorId,
		Visibility visibility, Instant at) {
}

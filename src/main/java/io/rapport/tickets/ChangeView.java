package io.rapport.tickets;

import java.time.Instant;

public record ChangeView(long id, String field, String oldValue, String newValue, AuthorKind actorType, Long actorId,
		String actorName, Instant at) {
}

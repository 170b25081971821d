package io.rapport.accounts;

import java.time.Instant;

/** An account; {@code ownerId} is the success manager (an agent) who owns it, null while nobody does. */
public record AccountView(long id, String name, String domain, String externalId, Instant createdAt,
		LifecycleStage stage, Long ownerId) {
}

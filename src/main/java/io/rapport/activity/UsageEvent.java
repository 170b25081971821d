package io.rapport.activity;

import java.time.Instant;
import java.util.Map;

/**
 * One usage event for {@link ActivityApi#load}: a track event attributed to an account, by a contact (when known)
 * or a tracked user id. {@code messageId} makes a retried load idempotent (null: the event is stored without a
 * claim, for history that is loaded once); {@code durationSeconds} is the engagement time of a
 * {@code Session Ended}, 0 otherwise.
 */
public record UsageEvent(String messageId, long accountId, Long contactId, String userId, String event,
		Instant occurredAt, long durationSeconds, Map<String, Object> properties) {

	public UsageEvent {
		if (event == null || event.isBlank() || occurredAt == null) {
			throw new IllegalArgumentException("a usage event needs a name and a time");
		}
	}
}

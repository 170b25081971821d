package io.rapport.activity.internal;

import java.time.Instant;

/** One row of {@code activity_events}, as stored. */
record RawRow(Instant receivedAt, Instant occurredAt, String type, String event, String userId, String anonymousId,
		Long accountId, Long contactId, String messageId, Long writeKeyId, String payload) {
}

package io.rapport.activity;

import java.time.Instant;

/**
 * A product-usage event recorded through {@link ActivityApi#record}: by a contact of the account (or, with no
 * contact, about the account alone), at a time, with its engagement time in seconds (0 for most events).
 */
public record UsageEvent(String messageId, long accountId, Long contactId, String event, Instant at,
		long durationSeconds) {
}

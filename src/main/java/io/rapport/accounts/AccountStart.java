package io.rapport.accounts;

import java.time.Instant;

/**
 * When an account started: created, and its first subscription's start (null without one). What time to value
 * counts from.
 */
public record AccountStart(long accountId, Instant createdAt, Instant firstSubscriptionAt) {
}

package io.rapport.health;

import java.time.Instant;

/**
 * A churn-risk flag was raised on an account: {@code flag} is its key (for example {@code little-engagement},
 * {@code password-resets}, {@code no-knowledge-base}, {@code help-did-not-help}, {@code falling-active-users},
 * {@code renewal-at-risk}), {@code evidence} the numbers behind it in words. Published once per raising: a flag that
 * stays up is not raised again; one that cleared and comes back is.
 */
public record HealthFlagRaised(long accountId, String flag, String evidence, Instant at) {
}

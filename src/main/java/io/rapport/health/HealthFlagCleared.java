package io.rapport.health;

import java.time.Instant;

/** A churn-risk flag that was up on an account is no longer: the numbers behind it recovered. */
public record HealthFlagCleared(long accountId, String flag, Instant at) {
}

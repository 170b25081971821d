package io.rapport.accounts;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/subscriptions/{id}/cancel}: when it ends (may be the end of the term) and why. */
public record SubscriptionCancellation(@NotNull Instant effectiveAt, @NotBlank @Size(max = 500) String reason) {
}

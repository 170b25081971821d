package io.rapport.accounts;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/v1/subscriptions/{id}}: what is not given stays. Changing a cancelled subscription reactivates
 * it.
 */
public record SubscriptionChange(@Size(min = 1, max = 100) String plan, @Min(0) @Max(100_000_000_000L) Long mrrCents,
		@Min(1) @Max(10_000_000) Integer seats, @NotNull Instant effectiveAt) {
}

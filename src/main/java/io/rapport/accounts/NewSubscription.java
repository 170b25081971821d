package io.rapport.accounts;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/subscriptions}: MRR in minor units (cents) of an ISO 4217 currency. */
public record NewSubscription(@NotNull Long accountId, @NotBlank @Size(max = 100) String plan,
		@NotNull @Min(0) @Max(100_000_000_000L) Long mrrCents,
		@NotBlank @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
		@NotNull @Min(1) @Max(10_000_000) Integer seats, @NotNull Instant startedAt, Instant renewsAt,
		Instant trialEndsAt) {
}

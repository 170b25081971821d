package io.rapport.accounts;

import java.time.Instant;

/** One step of an account's stage history: moved by an agent ({@code agentId}) or by what {@code movedBy} names. */
public record StageChange(LifecycleStage from, LifecycleStage to, String reason, Long agentId, String movedBy,
		Instant at) {
}

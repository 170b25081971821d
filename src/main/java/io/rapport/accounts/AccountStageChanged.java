package io.rapport.accounts;

import java.time.Instant;

/**
 * An account entered a lifecycle stage ({@code from} is null for a new account), moved by an agent
 * ({@code agentId}) or by a rule ({@code movedBy} names it).
 */
public record AccountStageChanged(long accountId, LifecycleStage from, LifecycleStage to, String reason, Long agentId,
		String movedBy, Instant at) {
}

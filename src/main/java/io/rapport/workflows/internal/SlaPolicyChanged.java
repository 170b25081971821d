package io.rapport.workflows.internal;

import java.time.Instant;

/**
 * An admin created, changed, moved or deleted an SLA policy: the running targets of the tickets it applied to are
 * timed again ({@link SlaPolicyRetimer}). Published in the edit's transaction, so it is kept in the publication
 * registry and a restart still re-times them.
 */
public record SlaPolicyChanged(long policyId, Instant at) {
}

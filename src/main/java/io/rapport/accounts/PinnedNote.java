package io.rapport.accounts;

import java.time.Instant;

/** The note an account's owner pins for everyone who talks to the customer, shown on its tickets. Plain text. */
public record PinnedNote(String text, Long agentId, Instant at) {
}

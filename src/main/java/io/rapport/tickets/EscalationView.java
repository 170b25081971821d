package io.rapport.tickets;

import java.time.Instant;

public record EscalationView(String from, String to, String reason, Long byId, Instant at) {
}

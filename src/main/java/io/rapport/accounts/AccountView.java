package io.rapport.accounts;

import java.time.Instant;

public record AccountView(long id, String name, String domain, String externalId, Instant createdAt) {
}

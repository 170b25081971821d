package io.rapport.identity;

import java.time.Instant;

/** A customer signed in to the portal (with the form, or right after choosing a password): a dated activity. */
public record ContactSignedIn(long contactId, Instant at) {
}

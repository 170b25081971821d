package io.rapport.accounts;

import java.time.Instant;

/**
 * A dated fact was recorded on a contact (a password reset requested, ...): customer success counts these as
 * signals without reading accounts' tables.
 */
public record ContactFactRecorded(long contactId, String kind, Instant at) {
}

package io.rapport.activity;

import java.time.LocalDate;

/** A contact's last day of any product event and last day of a {@code Signed In}, from the rollups (UTC days). */
public record ContactActivity(long contactId, LocalDate lastActive, LocalDate lastSignIn) {
}

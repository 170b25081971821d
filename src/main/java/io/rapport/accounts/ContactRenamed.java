package io.rapport.accounts;

/** A contact's name changed: modules that keep it beside their own rows (search keys) refresh them. */
public record ContactRenamed(long contactId, String name) {
}

package io.rapport.accounts;

/** An account's name changed: modules that keep it beside their own rows (search keys) refresh them. */
public record AccountRenamed(long accountId, String name) {
}

package io.rapport.activity;

import java.time.LocalDate;

/**
 * A person active on a day for an account, from the rollups: {@code person} is an opaque key (the same person has
 * the same key on every day), for counting distinct people over any period without raw events.
 */
public record PersonDay(LocalDate day, String person) {
}

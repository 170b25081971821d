package io.rapport.shared.timeline;

import java.time.Instant;

/**
 * One line of an account's timeline on the customer 360 page: when it happened, its kind (a stable key such as
 * {@code ticket.created}, {@code csat.rated}, {@code stage.changed}, {@code task.completed}, {@code usage.highlight},
 * used for the icon and the filter), the text a person reads (already in the reader's language), an optional
 * detail line, an optional link within Rapport, and who did it (a person's name, or null for the system).
 */
public record TimelineEntry(Instant at, String kind, String text, String detail, String href, String actor) {
}

package io.rapport.shared.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a module adds to an account's timeline. Each module that knows something about an account (tickets,
 * surveys, accounts, activity, health) contributes a bean; the customer 360 page merges them newest first. A source
 * answers at most {@code limit} entries strictly before {@code before}, newest first, read from indexed columns so a
 * page of the timeline never scans an account's whole history.
 */
public interface TimelineSource {

	List<TimelineEntry> entries(long accountId, Instant before, int limit, Locale locale);
}

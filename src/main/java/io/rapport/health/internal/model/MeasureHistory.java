package io.rapport.health.internal.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The measure values the scorer stored, as the model reads them: per day, per account, measure key to value (a
 * null value: the measure had no data that day). Only the days asked for are loaded.
 */
public interface MeasureHistory {

	/** Days with at least one snapshot, ascending. */
	java.util.List<LocalDate> days();

	/** The accounts scored on these days, with their measures. */
	Map<LocalDate, Map<Long, Map<String, Double>>> on(Set<LocalDate> days);
}

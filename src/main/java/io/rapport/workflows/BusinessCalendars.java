package io.rapport.workflows;

import java.util.List;
import java.util.Optional;

/**
 * The calendars support works by. Reports (the business-hours speed of answer) use the default one; SLA policies
 * name theirs.
 */
public interface BusinessCalendars {

	/** The calendar reports count business hours in. */
	BusinessCalendar defaultCalendar();

	Optional<BusinessCalendar> calendar(long id);

	List<BusinessCalendar> all();
}

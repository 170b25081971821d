package io.rapport.workflows.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.rapport.workflows.BusinessCalendar;
import io.rapport.workflows.BusinessCalendars;

import org.springframework.stereotype.Component;

/** Until admins keep calendars: Monday to Friday, 09:00-17:00, in the server's time zone. */
@Component
class DefaultCalendars implements BusinessCalendars {

	private final BusinessCalendar standard = BusinessCalendar.weekdays(1, "Standard", ZoneId.systemDefault(),
			LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());

	@Override
	public BusinessCalendar defaultCalendar() {
		return standard;
	}

	@Override
	public Optional<BusinessCalendar> calendar(long id) {
		return id == standard.id() ? Optional.of(standard) : Optional.empty();
	}

	@Override
	public List<BusinessCalendar> all() {
		return List.of(standard);
	}
}

package io.rapport.workflows.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketType;
import io.rapport.workflows.BusinessCalendar.Hours;
import io.rapport.workflows.internal.CalendarStore.CalendarInput;
import io.rapport.workflows.internal.SlaPolicy.EscalateAt;

import org.springframework.stereotype.Component;

/**
 * Calendars and policies for SLA tests. Every policy is bound to one account the test made, so tickets of other
 * tests sharing the context never get targets from it.
 */
@Component
class SlaFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final CalendarStore calendars;

	private final PolicyStore policies;

	SlaFixtures(CalendarStore calendars, PolicyStore policies) {
		this.calendars = calendars;
		this.policies = policies;
	}

	/** Open every minute of every day, in UTC: business time is calendar time. */
	long alwaysOpen() {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			week.put(day, List.of(new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
		}
		return calendars.create(new CalendarInput(unique("Always"), "UTC", week, Set.of(), false));
	}

	/** Monday to Friday, 09:00-17:00 UTC, with holidays. */
	long office(java.time.LocalDate... holidays) {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			week.put(day, List.of(new Hours(LocalTime.of(9, 0), LocalTime.of(17, 0))));
		}
		return calendars.create(new CalendarInput(unique("Office"), "UTC", week, Set.of(holidays), false));
	}

	SlaPolicy policy(long accountId, long calendarId, TicketPriority priority, TicketType type, String group,
			Integer first, Integer next, Integer resolution, EscalateAt at, boolean raise, String moveTo) {
		long id = policies.save(new SlaPolicy(0, unique("Policy"), 0, priority, type, group, accountId, calendarId,
				first, next, resolution, 75, 90, at, raise, moveTo));
		return policies.require(id);
	}

	SlaPolicy normal(long accountId, long calendarId, int first, int next, int resolution) {
		return policy(accountId, calendarId, TicketPriority.NORMAL, null, null, first, next, resolution,
				EscalateAt.BREACH, false, null);
	}

	static String unique(String prefix) {
		return prefix + " " + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
	}
}

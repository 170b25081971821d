package io.rapport.workflows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a support team works: a time zone, opening hours per weekday and holidays. SLA targets and the
 * business-hours speed of answer count only the time it is open. Pure: no clock, no database.
 * <p>
 * Hours are half-open ({@code 09:00-17:00} ends before 17:00); an end of {@code 00:00} means midnight at the end of
 * the day, so {@code 00:00-00:00} is the whole day. Wall-clock hours follow daylight saving time: a day that
 * loses an hour at 02:00 is an hour shorter only when it is open at 02:00.
 */
public record BusinessCalendar(long id, String name, ZoneId zone, Map<DayOfWeek, List<Hours>> week,
		Set<LocalDate> holidays) {

	/** How far {@link #plus} looks ahead before it decides the calendar is never open. */
	private static final int MAX_DAYS = 3 * 366;

	public BusinessCalendar {
		Objects.requireNonNull(zone, "zone");
		EnumMap<DayOfWeek, List<Hours>> copy = new EnumMap<>(DayOfWeek.class);
		week.forEach((day, hours) -> copy.put(day, List.copyOf(hours)));
		week = Map.copyOf(copy);
		holidays = Set.copyOf(holidays);
	}

	/** One stretch of opening hours in a day. */
	public record Hours(LocalTime start, LocalTime end) {

		public Hours {
			Objects.requireNonNull(start, "start");
			Objects.requireNonNull(end, "end");
			if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
				throw new IllegalArgumentException("Opening hours must end after they start: " + start + "-" + end);
			}
		}

		Instant startOn(LocalDate day, ZoneId zone) {
			return instant(day, start, zone);
		}

		Instant endOn(LocalDate day, ZoneId zone) {
			return end.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone).toInstant()
					: instant(day, end, zone);
		}

		/**
		 * A wall-clock time that does not exist (skipped when clocks go forward) is the moment of the change, not
		 * the same time an hour later as {@link ZonedDateTime#of} would have it: 03:00-03:30 on a day that jumps from
		 * 03:00 to 04:00 is no open time at all, and 02:00-03:30 is one hour.
		 */
		private static Instant instant(LocalDate day, LocalTime time, ZoneId zone) {
			java.time.LocalDateTime local = day.atTime(time);
			java.time.zone.ZoneRules rules = zone.getRules();
			if (rules.getValidOffsets(local).isEmpty()) {
				return rules.getTransition(local).getInstant();
			}
			return ZonedDateTime.of(local, zone).toInstant();
		}
	}

	/** Open every hour of every day, in UTC: business time equals calendar time. */
	public static BusinessCalendar always() {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			week.put(day, List.of(new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
		}
		return new BusinessCalendar(0, "24/7", ZoneId.of("UTC"), week, Set.of());
	}

	/** Monday to Friday, one stretch of hours a day, in a zone. */
	public static BusinessCalendar weekdays(long id, String name, ZoneId zone, LocalTime start, LocalTime end,
			Set<LocalDate> holidays) {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
				week.put(day, List.of(new Hours(start, end)));
			}
		}
		return new BusinessCalendar(id, name, zone, week, holidays);
	}

	/** The opening hours of one day: none on a holiday. */
	public List<Hours> hoursOn(LocalDate day) {
		return holidays.contains(day) ? List.of() : week.getOrDefault(day.getDayOfWeek(), List.of());
	}

	public boolean isOpen(Instant at) {
		LocalDate day = at.atZone(zone).toLocalDate();
		for (LocalDate d : List.of(day.minusDays(1), day)) { // an 00:00 end belongs to the day before
			for (Hours hours : hoursOn(d)) {
				if (!at.isBefore(hours.startOn(d, zone)) && at.isBefore(hours.endOn(d, zone))) {
					return true;
				}
			}
		}
		return false;
	}

	/** The open time between two instants (zero when {@code to} is not after {@code from}). */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate last = to.atZone(zone).toLocalDate();
		for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
			for (Hours hours : hoursOn(day)) {
				Instant start = max(hours.startOn(day, zone), from);
				Instant end = min(hours.endOn(day, zone), to);
				if (end.isAfter(start)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	/**
	 * The instant at which {@code open} of open time has passed after {@code from}: a target of 4 business hours set
	 * on Friday at 16:00 falls due on Monday at 12:00 with 09:00-17:00 hours. A zero duration answers the first open
	 * instant at or after {@code from}.
	 *
	 * @throws IllegalStateException when the calendar is not open in the next three years
	 */
	public Instant plus(Instant from, Duration open) {
		if (open.isNegative()) {
			throw new IllegalArgumentException("A business duration cannot be negative: " + open);
		}
		Duration left = open;
		LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
		for (LocalDate day = first; day.isBefore(first.plusDays(MAX_DAYS)); day = day.plusDays(1)) {
			for (Hours hours : hoursOn(day)) {
				Instant start = max(hours.startOn(day, zone), from);
				Instant end = hours.endOn(day, zone);
				if (!end.isAfter(start)) {
					continue;
				}
				Duration available = Duration.between(start, end);
				if (available.compareTo(left) > 0 || left.isZero()) { // end is after start: some time is open
					return start.plus(left);
				}
				left = left.minus(available);
				if (left.isZero()) {
					return end;
				}
			}
		}
		throw new IllegalStateException("Calendar " + name + " is never open in the next " + MAX_DAYS + " days");
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}

package io.rapport.workflows.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketType;
import io.rapport.workflows.BusinessCalendar;
import io.rapport.workflows.BusinessCalendar.Hours;
import io.rapport.workflows.internal.CalendarStore.CalendarInput;
import io.rapport.workflows.internal.SlaPolicy.EscalateAt;

/**
 * The admin pages' forms as domain input, and back. Opening hours are written as people write them: {@code
 * 09:00-12:00, 13:00-17:00} (several stretches a day; {@code 24:00} or {@code 00:00} as an end is midnight); holidays
 * as ISO dates separated by spaces, commas or lines. Anything else is a field error, never a 500.
 */
final class SlaForms {

	private SlaForms() {
	}

	static CalendarInput calendar(Map<String, String> form) {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			List<Hours> hours = hours(form.get("hours." + day.name()), "hours." + day.name());
			if (!hours.isEmpty()) {
				week.put(day, hours);
			}
		}
		return new CalendarInput(form.get("name"), form.get("zone"), week, holidays(form.get("holidays")),
				"on".equals(form.get("makeDefault")) || "true".equals(form.get("makeDefault")));
	}

	static List<Hours> hours(String text, String field) {
		List<Hours> hours = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return hours;
		}
		for (String stretch : text.split("[,;]")) {
			if (stretch.isBlank()) {
				continue;
			}
			String[] ends = stretch.strip().split("\\s*-\\s*");
			try {
				if (ends.length != 2) {
					throw new IllegalArgumentException(stretch);
				}
				LocalTime start = time(ends[0]);
				LocalTime end = time(ends[1]);
				hours.add(new Hours(start, end));
			}
			catch (IllegalArgumentException | DateTimeParseException e) {
				throw InvalidInputException.of(field, "errors.workflows.hours", stretch.strip());
			}
		}
		return hours;
	}

	private static LocalTime time(String text) {
		String t = text.strip();
		if (t.equals("24:00")) {
			return LocalTime.MIDNIGHT;
		}
		return LocalTime.parse(t.length() == 4 ? "0" + t : t);
	}

	static Set<LocalDate> holidays(String text) {
		Set<LocalDate> days = new TreeSet<>();
		if (text == null) {
			return days;
		}
		for (String part : text.split("[\\s,;]+")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				days.add(LocalDate.parse(part.strip()));
			}
			catch (DateTimeParseException e) {
				throw InvalidInputException.of("holidays", "errors.workflows.holiday", part.strip());
			}
		}
		return days;
	}

	/** A day's hours as the form shows them: {@code 09:00-12:00, 13:00-17:00}. */
	static String hoursText(BusinessCalendar calendar, DayOfWeek day) {
		return calendar.week().getOrDefault(day, List.of()).stream()
			.map(h -> h.start() + "-" + (h.end().equals(LocalTime.MIDNIGHT) ? "24:00" : h.end().toString()))
			.collect(Collectors.joining(", "));
	}

	static String holidaysText(BusinessCalendar calendar) {
		return new TreeSet<>(calendar.holidays()).stream().map(LocalDate::toString).collect(Collectors.joining(" "));
	}

	static SlaPolicy policy(long id, Map<String, String> form) {
		return new SlaPolicy(id, form.get("name"), 0, choice(TicketPriority.class, form.get("priority"), "priority"),
				choice(TicketType.class, form.get("type"), "type"), blank(form.get("group")),
				number(form.get("accountId"), "accountId"), required(number(form.get("calendarId"), "calendarId"),
						"calendarId"),
				integer(form.get("firstReplyMinutes"), "firstReplyMinutes"),
				integer(form.get("nextReplyMinutes"), "nextReplyMinutes"),
				integer(form.get("resolutionMinutes"), "resolutionMinutes"),
				orDefault(integer(form.get("warnFirstPct"), "warnFirstPct"), 75),
				orDefault(integer(form.get("warnSecondPct"), "warnSecondPct"), 90),
				orDefault(choice(EscalateAt.class, form.get("escalateAt"), "escalateAt"), EscalateAt.BREACH),
				"on".equals(form.get("raisePriority")) || "true".equals(form.get("raisePriority")),
				blank(form.get("moveToGroup")));
	}

	static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of(field, "errors.workflows.choice", value);
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static Long number(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "errors.workflows.number", value);
		}
	}

	private static Integer integer(String value, String field) {
		Long n = number(value, field);
		if (n != null && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
			throw InvalidInputException.of(field, "errors.workflows.number", value);
		}
		return n == null ? null : n.intValue();
	}

	private static long required(Long value, String field) {
		if (value == null) {
			throw InvalidInputException.of(field, "errors.workflows.required");
		}
		return value;
	}

	private static <T> T orDefault(T value, T otherwise) {
		return value == null ? otherwise : value;
	}
}

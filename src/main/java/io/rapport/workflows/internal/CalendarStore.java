package io.rapport.workflows.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.Reread;
import io.rapport.workflows.BusinessCalendar;
import io.rapport.workflows.BusinessCalendar.Hours;
import io.rapport.workflows.BusinessCalendars;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendars admins keep ({@code /admin/calendars}): several, one of them the default that reports count
 * business hours in. Every SLA target and every report row reads them, so they are kept in memory
 * ({@link Reread}): an edit here is seen at once, an edit on another node within {@link #REFRESH}.
 */
@Component
class CalendarStore implements BusinessCalendars {

	static final int MAX_NAME = 100;

	/** How long a node keeps the calendars before it reads them again. */
	static final Duration REFRESH = Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;

	private final Reread<Calendars> cached;

	CalendarStore(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.cached = new Reread<>(this::read, REFRESH, clock);
	}

	/** All calendars in name order, and the default's id (0 when there is none). */
	private record Calendars(List<BusinessCalendar> all, long defaultId) {
	}

	/** What an admin submits for a calendar: hours per weekday and holidays, already parsed. */
	record CalendarInput(String name, String zone, Map<DayOfWeek, List<Hours>> week, Set<LocalDate> holidays,
			boolean makeDefault) {
	}

	@Override
	@Transactional(readOnly = true)
	public BusinessCalendar defaultCalendar() {
		Calendars calendars = cached.get();
		return calendars.all().stream().filter(c -> c.id() == calendars.defaultId()).findFirst()
			.orElseGet(BusinessCalendar::always);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<BusinessCalendar> calendar(long id) {
		return all().stream().filter(c -> c.id() == id).findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<BusinessCalendar> all() {
		return cached.get().all();
	}

	private Calendars read() {
		Map<Long, Map<DayOfWeek, List<Hours>>> weeks = new HashMap<>();
		jdbc.query("select calendar_id, day_of_week, start_minute, end_minute from workflow_calendar_hours "
				+ "order by calendar_id, day_of_week, start_minute", rs -> {
					weeks.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(DayOfWeek.class))
						.computeIfAbsent(DayOfWeek.of(rs.getInt(2)), k -> new ArrayList<>())
						.add(new Hours(time(rs.getInt(3)), time(rs.getInt(4))));
				});
		Map<Long, Set<LocalDate>> holidays = new HashMap<>();
		jdbc.query("select calendar_id, holiday from workflow_calendar_holidays", rs -> {
			holidays.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getObject(2, LocalDate.class));
		});
		List<BusinessCalendar> all = jdbc.query("select id, name, zone from workflow_calendars order by name, id",
				(rs, i) -> new BusinessCalendar(rs.getLong(1), rs.getString(2), ZoneId.of(rs.getString(3)),
						weeks.getOrDefault(rs.getLong(1), Map.of()), holidays.getOrDefault(rs.getLong(1), Set.of())));
		List<Long> ids = jdbc.queryForList("select id from workflow_calendars where is_default = true order by id",
				Long.class);
		return new Calendars(List.copyOf(all), ids.isEmpty() ? 0 : ids.get(0));
	}

	@Transactional(readOnly = true)
	public long defaultId() {
		return cached.get().defaultId();
	}

	@Transactional
	public long create(CalendarInput input) {
		cached.forget();
		String name = name(input.name(), 0);
		ZoneId zone = zone(input.zone());
		long id = jdbc.queryForObject("select nextval('workflow_calendars_seq')", Long.class);
		jdbc.update("insert into workflow_calendars (id, name, zone, is_default) values (?, ?, ?, false)", id, name,
				zone.getId());
		writeDays(id, input);
		if (input.makeDefault() || defaultId() == 0) {
			makeDefault(id);
		}
		return id;
	}

	@Transactional
	public void change(long id, CalendarInput input) {
		require(id);
		cached.forget();
		String name = name(input.name(), id);
		ZoneId zone = zone(input.zone());
		jdbc.update("update workflow_calendars set name = ?, zone = ? where id = ?", name, zone.getId(), id);
		jdbc.update("delete from workflow_calendar_hours where calendar_id = ?", id);
		jdbc.update("delete from workflow_calendar_holidays where calendar_id = ?", id);
		writeDays(id, input);
		if (input.makeDefault()) {
			makeDefault(id);
		}
	}

	@Transactional
	public void delete(long id) {
		require(id);
		if (defaultId() == id) {
			throw ConflictException.of("errors.workflows.calendar-default");
		}
		Integer used = jdbc.queryForObject("select count(*) from sla_policies where calendar_id = ?", Integer.class, id);
		if (used != null && used > 0) {
			throw ConflictException.of("errors.workflows.calendar-used", used);
		}
		cached.forget();
		jdbc.update("delete from workflow_calendars where id = ?", id);
	}

	private void makeDefault(long id) {
		cached.forget();
		jdbc.update("update workflow_calendars set is_default = (id = ?)", id);
	}

	BusinessCalendar require(long id) {
		return calendar(id).orElseThrow(() -> NotFoundException.of("errors.workflows.calendar-not-found", id));
	}

	private void writeDays(long id, CalendarInput input) {
		List<Object[]> hours = new ArrayList<>();
		input.week().forEach((day, stretches) -> {
			List<Hours> sorted = new ArrayList<>(stretches);
			sorted.sort((a, b) -> a.start().compareTo(b.start()));
			for (int i = 0; i < sorted.size(); i++) {
				Hours h = sorted.get(i);
				int start = minute(h.start());
				int end = h.end().equals(LocalTime.MIDNIGHT) ? 1440 : minute(h.end());
				if (i > 0) {
					Hours before = sorted.get(i - 1);
					int beforeEnd = before.end().equals(LocalTime.MIDNIGHT) ? 1440 : minute(before.end());
					if (start < beforeEnd) {
						throw InvalidInputException.of("hours." + day.name(), "errors.workflows.hours-overlap");
					}
				}
				hours.add(new Object[] { id, day.getValue(), start, end });
			}
		});
		jdbc.batchUpdate("insert into workflow_calendar_hours (calendar_id, day_of_week, start_minute, end_minute) "
				+ "values (?, ?, ?, ?)", hours);
		jdbc.batchUpdate("insert into workflow_calendar_holidays (calendar_id, holiday) values (?, ?)",
				input.holidays().stream().map(d -> new Object[] { id, d }).toList());
	}

	private String name(String name, long self) {
		if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
			throw InvalidInputException.of("name", "errors.workflows.name", MAX_NAME);
		}
		Integer taken = jdbc.queryForObject("select count(*) from workflow_calendars where name = ? and id <> ?",
				Integer.class, name.strip(), self);
		if (taken != null && taken > 0) {
			throw InvalidInputException.of("name", "errors.workflows.name-taken", name.strip());
		}
		return name.strip();
	}

	static ZoneId zone(String zone) {
		try {
			return ZoneId.of(zone == null ? "" : zone.strip());
		}
		catch (DateTimeException e) {
			throw InvalidInputException.of("zone", "errors.workflows.zone", zone);
		}
	}

	static LocalTime time(int minute) {
		return minute >= 1440 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
	}

	static int minute(LocalTime time) {
		return time.getHour() * 60 + time.getMinute();
	}

	/** The calendars by id, for a sweep that reads each once. */
	Map<Long, BusinessCalendar> byId() {
		Map<Long, BusinessCalendar> byId = new LinkedHashMap<>();
		all().forEach(c -> byId.put(c.id(), c));
		return byId;
	}
}

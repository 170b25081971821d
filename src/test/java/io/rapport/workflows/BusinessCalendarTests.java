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
import java.util.Set;

import io.rapport.workflows.BusinessCalendar.Hours;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Business time across a weekend, a holiday, split days and both daylight-saving changes. */
class BusinessCalendarTests {

	private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");

	private static final BusinessCalendar OFFICE = BusinessCalendar.weekdays(1, "Office", BUCHAREST,
			LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(LocalDate.of(2026, 12, 1)));

	private static Instant at(String localDateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BUCHAREST).toInstant();
	}

	@Test
	void shouldSkipTheWeekendWhenAddingBusinessTime() {
		// Friday 2026-03-06 16:00 + 4 business hours = 1 h on Friday, 3 h on Monday
		assertThat(OFFICE.plus(at("2026-03-06T16:00"), Duration.ofHours(4))).isEqualTo(at("2026-03-09T12:00"));
	}

	@Test
	void shouldCountOnlyOpenHoursAcrossTheWeekend() {
		assertThat(OFFICE.between(at("2026-03-06T16:00"), at("2026-03-09T10:00"))).isEqualTo(Duration.ofHours(2));
		assertThat(OFFICE.between(at("2026-03-07T10:00"), at("2026-03-08T23:00"))).isZero();
	}

	@Test
	void shouldSkipAHoliday() {
		// Monday 2026-11-30 16:00 + 2 h: 1 h on Monday, Tuesday 1 December is a holiday, 1 h on Wednesday
		assertThat(OFFICE.plus(at("2026-11-30T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-12-02T10:00"));
		assertThat(OFFICE.between(at("2026-11-30T09:00"), at("2026-12-02T17:00"))).isEqualTo(Duration.ofHours(16));
		assertThat(OFFICE.isOpen(at("2026-12-01T12:00"))).isFalse();
		assertThat(OFFICE.isOpen(at("2026-12-02T12:00"))).isTrue();
	}

	@Test
	void shouldStartAtTheNextOpeningWhenAddedOutsideHours() {
		assertThat(OFFICE.plus(at("2026-03-06T20:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-03-09T09:30"));
		assertThat(OFFICE.plus(at("2026-03-07T11:00"), Duration.ZERO)).isEqualTo(at("2026-03-09T09:00"));
		assertThat(OFFICE.plus(at("2026-03-09T10:00"), Duration.ZERO)).isEqualTo(at("2026-03-09T10:00"));
	}

	@Test
	void shouldEndExactlyAtClosingWhenTheDayIsUsedUp() {
		assertThat(OFFICE.plus(at("2026-03-09T09:00"), Duration.ofHours(8))).isEqualTo(at("2026-03-09T17:00"));
		assertThat(OFFICE.plus(at("2026-03-09T09:00"), Duration.ofHours(8).plusMinutes(1)))
			.isEqualTo(at("2026-03-10T09:01"));
	}

	@Test
	void shouldCountSeveralStretchesInADay() {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		week.put(DayOfWeek.MONDAY, List.of(new Hours(LocalTime.of(9, 0), LocalTime.of(12, 0)),
				new Hours(LocalTime.of(13, 0), LocalTime.of(17, 0))));
		BusinessCalendar split = new BusinessCalendar(2, "Split", BUCHAREST, week, Set.of());
		assertThat(split.between(at("2026-03-09T08:00"), at("2026-03-09T18:00"))).isEqualTo(Duration.ofHours(7));
		assertThat(split.plus(at("2026-03-09T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-09T14:00"));
		assertThat(split.isOpen(at("2026-03-09T12:30"))).isFalse();
	}

	@Test
	void shouldCountADayThatLosesAnHourAsTwentyThreeHoursWhenOpenAllDay() {
		BusinessCalendar always = new BusinessCalendar(3, "Always", BUCHAREST, allDay(), Set.of());
		// 2026-03-29: clocks go from 03:00 to 04:00 in Bucharest
		assertThat(always.between(at("2026-03-29T00:00"), at("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
		assertThat(always.plus(at("2026-03-29T02:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-29T05:00"));
		// 2026-10-25: clocks go from 04:00 back to 03:00
		assertThat(always.between(at("2026-10-25T00:00"), at("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(25));
	}

	@Test
	void shouldKeepWallClockOfficeHoursOnTheDaysAfterADaylightSavingChange() {
		// Friday 16:00 before the spring change + 2 h = Monday 10:00 local, whatever the offset did on Sunday
		assertThat(OFFICE.plus(at("2026-03-27T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-30T10:00"));
		assertThat(OFFICE.between(at("2026-03-27T16:00"), at("2026-03-30T10:00"))).isEqualTo(Duration.ofHours(2));
		assertThat(OFFICE.between(at("2026-10-23T16:00"), at("2026-10-26T10:00"))).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void shouldShortenOnlyTheStretchThatHoldsTheMissingHour() {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		week.put(DayOfWeek.SUNDAY, List.of(new Hours(LocalTime.of(2, 0), LocalTime.of(5, 0))));
		BusinessCalendar night = new BusinessCalendar(4, "Night", BUCHAREST, week, Set.of());
		assertThat(night.between(at("2026-03-29T00:00"), at("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(2));
		assertThat(night.between(at("2026-03-22T00:00"), at("2026-03-23T00:00"))).isEqualTo(Duration.ofHours(3));
	}

	@Test
	void shouldCountNoTimeForHoursThatDoNotExistOnTheDayClocksGoForward() {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		week.put(DayOfWeek.SUNDAY, List.of(new Hours(LocalTime.of(3, 0), LocalTime.of(3, 30)),
				new Hours(LocalTime.of(4, 15), LocalTime.of(5, 0))));
		BusinessCalendar gap = new BusinessCalendar(7, "Gap", BUCHAREST, week, Set.of());
		// 03:00-04:00 is skipped on 2026-03-29: the first stretch never happens, the second is whole
		assertThat(gap.between(at("2026-03-29T00:00"), at("2026-03-30T00:00"))).isEqualTo(Duration.ofMinutes(45));
		assertThat(gap.plus(at("2026-03-29T00:00"), Duration.ofMinutes(10))).isEqualTo(at("2026-03-29T04:25"));
		assertThat(gap.between(at("2026-03-22T00:00"), at("2026-03-23T00:00"))).isEqualTo(Duration.ofMinutes(75));
	}

	@Test
	void shouldTreatAnEndAtMidnightAsTheEndOfTheDay() {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		week.put(DayOfWeek.MONDAY, List.of(new Hours(LocalTime.of(20, 0), LocalTime.MIDNIGHT)));
		BusinessCalendar evening = new BusinessCalendar(5, "Evening", BUCHAREST, week, Set.of());
		assertThat(evening.isOpen(at("2026-03-09T23:59"))).isTrue();
		assertThat(evening.isOpen(at("2026-03-10T00:00"))).isFalse();
		assertThat(evening.plus(at("2026-03-09T23:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-16T21:00"));
	}

	@Test
	void shouldRefuseACalendarThatIsNeverOpen() {
		BusinessCalendar closed = new BusinessCalendar(6, "Closed", BUCHAREST, Map.of(), Set.of());
		assertThatThrownBy(() -> closed.plus(at("2026-03-09T10:00"), Duration.ofMinutes(1)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(closed.between(at("2026-03-09T10:00"), at("2026-04-09T10:00"))).isZero();
	}

	private static Map<DayOfWeek, List<Hours>> allDay() {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			week.put(day, List.of(new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
		}
		return week;
	}
}

package io.rapport.activity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick ISO-8601 reader and COPY writer agree with java.time on every form they take, and leave the rest. */
class TimestampsTests {

	@Test
	void shouldReadWhatOffsetDateTimeReadsInTheFormsLibrariesSend() {
		for (String text : List.of("2026-12-02T13:45:07Z", "2026-12-02T13:45:07.1Z", "2026-12-02T13:45:07.123Z",
				"2026-12-02T13:45:07.123456789Z", "2026-12-02T13:45:07.123+01:00", "2026-12-02T00:15:00-05:30",
				"2024-02-29T23:59:59.999+14:00", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z")) {
			assertThat(Timestamps.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
		}
	}

	@Test
	void shouldLeaveEveryOtherFormToJavaTime() {
		for (String text : List.of("yesterday", "2026-12-02", "2026-12-02T13:45Z", "2026-12-02T13:45:07",
				"2026-12-02 13:45:07Z", "2026-13-02T13:45:07Z", "2026-02-30T13:45:07Z", "2026-12-02T24:00:00Z",
				"2026-12-02T13:45:07.Z", "2026-12-02T13:45:07.1234567891Z", "2026-12-02T13:45:07+0100",
				"2026-12-02T13:45:07+01:00:00", "2026-12-02T13:45:07.5z", "+12026-12-02T13:45:07Z")) {
			assertThat(Timestamps.parse(text)).as(text).isNull();
		}
	}

	@Test
	void shouldWriteTheMicrosecondsPostgresqlKeeps() {
		assertThat(utc(Instant.parse("2026-12-02T13:45:07Z"))).isEqualTo("2026-12-02 13:45:07+00");
		assertThat(utc(Instant.parse("2026-01-09T03:04:05.120Z"))).isEqualTo("2026-01-09 03:04:05.120000+00");
		assertThat(utc(Instant.parse("2026-01-09T03:04:05.000000999Z"))).isEqualTo("2026-01-09 03:04:05+00");
		Random random = new Random(7);
		for (int i = 0; i < 1000; i++) {
			Instant at = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
			Instant micros = at.truncatedTo(ChronoUnit.MICROS);
			assertThat(OffsetDateTime.parse(utc(at).replace(' ', 'T') + ":00").toInstant()).as(at.toString())
				.isEqualTo(micros);
		}
	}

	private static String utc(Instant instant) {
		return Timestamps.appendUtc(new StringBuilder(), instant).toString();
	}
}

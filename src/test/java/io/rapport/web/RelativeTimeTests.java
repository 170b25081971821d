package io.rapport.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Defect 14: the "Updated" column mixed "58 d ago" with dates; every age now reads the same way. */
class RelativeTimeTests {

	static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	final RelativeTime times = new RelativeTime(bundle(), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void shouldKeepEveryAgeRelativeWithTheExactTimeForATooltip() {
		assertThat(times.ago(NOW.minusSeconds(20))).isEqualTo("just now");
		assertThat(times.ago(NOW.minus(Duration.ofMinutes(5)))).isEqualTo("5 min ago");
		assertThat(times.ago(NOW.minus(Duration.ofHours(3)))).isEqualTo("3 h ago");
		assertThat(times.ago(NOW.minus(Duration.ofDays(58)))).isEqualTo("58 d ago");
		assertThat(times.ago(NOW.minus(Duration.ofDays(61)))).isEqualTo("61 d ago");
		assertThat(times.ago(NOW.minus(Duration.ofDays(150)))).isEqualTo("5 mo ago");
		assertThat(times.ago(NOW.minus(Duration.ofDays(800)))).isEqualTo("2 y ago");
		assertThat(times.exact(NOW.minus(Duration.ofDays(150)))).isEqualTo("2026-07-04 12:00 UTC");
	}

	@Test
	void shouldStateALengthOfTime() {
		assertThat(times.duration(NOW, NOW.plus(Duration.ofMinutes(42)))).isEqualTo("42 min");
		assertThat(times.duration(NOW, NOW.plus(Duration.ofMinutes(200)))).isEqualTo("3 h 20 min");
		assertThat(times.duration(NOW, NOW.plus(Duration.ofHours(52)))).isEqualTo("2 d 4 h");
	}

	private static ResourceBundleMessageSource bundle() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setDefaultLocale(Locale.ENGLISH);
		return source;
	}
}

package io.rapport.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JavaVersionNoticeTests {

	@Test
	void shouldRecommendJava21ForProductionOnOlderJavas() {
		assertThat(new JavaVersionNotice(17).bannerLines()).singleElement()
			.satisfies(line -> assertThat(line).contains("Java 17").contains("Java 21 or newer"));
	}

	@Test
	void shouldSayNothingOnJava21OrNewer() {
		assertThat(new JavaVersionNotice(21).bannerLines()).isEmpty();
		assertThat(new JavaVersionNotice(25).bannerLines()).isEmpty();
	}
}

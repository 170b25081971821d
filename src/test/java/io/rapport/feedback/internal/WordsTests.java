package io.rapport.feedback.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTests {

	@Test
	void shouldKeepTheWordsThatSayWhatATextIsAbout() {
		assertThat(Words.of("Please add exports of the Gantt charts!")).containsExactly("export", "gantt", "chart");
		assertThat(Words.of("Exporting")).containsExactly("export");
	}

	@Test
	void shouldIgnoreAccentsAndCutChineseIntoPairs() {
		assertThat(Words.of("Mulțumesc pentru funcționalitate")).containsExactly("multumesc", "functionalitate");
		assertThat(Words.of("深色模式")).containsExactly("深色", "色模", "模式");
	}

	@Test
	void shouldFindNothingInNothing() {
		assertThat(Words.of(null)).isEmpty();
		assertThat(Words.of("the and for")).isEmpty();
	}
}

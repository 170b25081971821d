package io.rapport.tickets.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTests {

	@Test
	void shouldReadHandlesAfterAnAtThatStartsAWord() {
		assertThat(Mentions.handles("@Lars, can you and (@mira.pop@Brightlane.example) look? Thanks @lars."))
			.containsExactly("lars", "mira.pop@brightlane.example", "lars");
	}

	@Test
	void shouldNotReadAnEmailAddressInTheTextAsAMention() {
		assertThat(Mentions.handles("Customer wrote from ana@lars.example and @ alone")).isEmpty();
	}

	@Test
	void shouldReadMentionsInsideStoredMarkup() {
		assertThat(Mentions.handles("<p>@lars</p><p>see <a href=\"mailto:x@y.example\">x@y.example</a></p>"))
			.containsExactly("lars");
	}
}

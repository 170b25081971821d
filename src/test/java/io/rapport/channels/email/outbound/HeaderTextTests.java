package io.rapport.channels.email.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header text is one clean line, whether the line break came raw or as an encoded word; an address is one plain
 * address or nothing. Outlook's Thread-Index starts with 22 bytes and grows by 5 per reply, keeping its header.
 */
class HeaderTextTests {

	@Test
	void shouldCleanRawAndEncodedLineBreaks() {
		assertThat(HeaderText.clean("Invoice\r\nBcc: spy@evil.example")).isEqualTo("Invoice Bcc: spy@evil.example");
		assertThat(HeaderText.clean("=?UTF-8?Q?Invoice=0D=0ABcc:_spy@evil.example?=")).isEqualTo("Invoice Bcc: spy@evil.example");
		assertThat(HeaderText.clean("=?UTF-8?B?SW52b2ljZQ0KQmNjOiBzcHlAZXZpbC5leGFtcGxl?=")).doesNotContain("\r", "\n");
		assertThat(HeaderText.clean("Factură\u2028nouă\u0000")).isEqualTo("Factură nouă");
		assertThat(HeaderText.clean(null)).isEmpty();
	}

	@Test
	void shouldAcceptOnlyOnePlainAddress() {
		assertThat(HeaderText.address(" Ana@Pop.Example ")).contains("ana@pop.example");
		assertThat(HeaderText.address("ana@pop.example\r\nBcc: spy@evil.example")).isEmpty();
		assertThat(HeaderText.address("ana@pop.example, spy@evil.example")).isEmpty();
		assertThat(HeaderText.address("Ana <ana@pop.example>")).isEmpty();
		assertThat(HeaderText.address("not an address")).isEmpty();
		assertThat(HeaderText.address(null)).isEmpty();
	}

	@Test
	void shouldStartAndExtendAThreadIndex() {
		Instant start = Instant.parse("2026-03-02T09:00:00Z");
		String first = ThreadIndex.start(start, new UUID(1, 2));
		byte[] header = Base64.getDecoder().decode(first);
		assertThat(header).hasSize(22);

		String second = ThreadIndex.extend(first, start.plus(Duration.ofHours(2)), new UUID(3, 4));
		byte[] extended = Base64.getDecoder().decode(second);
		assertThat(extended).hasSize(27);
		assertThat(Arrays.copyOf(extended, 22)).isEqualTo(header);
		assertThat(Base64.getDecoder().decode(ThreadIndex.extend(second, start.plus(Duration.ofDays(400)),
				new UUID(5, 6)))).hasSize(32);
		assertThat(Base64.getDecoder().decode(ThreadIndex.extend("not base64!", start, new UUID(7, 8)))).hasSize(22);
	}
}

package io.rapport.channels.email;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import io.rapport.shared.secrets.TestSecrets;

import static org.assertj.core.api.Assertions.assertThat;

/** The signed Message-IDs and plus addresses that replies carry back, and what a forger cannot make. */
class MailTokensTests {

	final MailTokens tokens = new MailTokens(TestSecrets.signatures("one-installation-secret-for-these-tests", Clock.systemUTC()));

	@Test
	void shouldFindTheTicketOfASignedMessageId() {
		String id = tokens.messageId(123, 456, "brightlane.example");

		assertThat(id).matches("<t123\\.m456\\.[0-9a-f]{12}@brightlane\\.example>");
		assertThat(tokens.ticketOfMessageId(id)).contains(123L);
		assertThat(tokens.ticketOfMessageId(id.substring(1, id.length() - 1))).as("without brackets").contains(123L);
	}

	@Test
	void shouldRefuseAMessageIdWhoseTicketOrSignatureWasChanged() {
		String id = tokens.messageId(123, 456, "brightlane.example");

		assertThat(tokens.ticketOfMessageId(id.replace("t123.", "t124."))).isEmpty();
		assertThat(tokens.ticketOfMessageId(id.replace("m456.", "m457."))).isEmpty();
		assertThat(tokens.ticketOfMessageId("<t123.m456.000000000000@brightlane.example>")).isEmpty();
		assertThat(tokens.looksLikeOurs("<t123.m456.000000000000@brightlane.example>")).isTrue();
		assertThat(new MailTokens(TestSecrets.signatures("another-installation-secret-entirely!!", Clock.systemUTC()))
			.ticketOfMessageId(id)).as("another installation's key").isEmpty();
	}

	@Test
	void shouldFindTheTicketOfASignedPlusAddressOnly() {
		String address = tokens.replyAddress(77, "support@brightlane.example");

		assertThat(address).matches("support\\+t77-[0-9a-f]{12}@brightlane\\.example");
		assertThat(tokens.ticketOfAddress(address)).contains(77L);
		assertThat(tokens.ticketOfAddress(address.replace("+t77-", "+t78-"))).isEmpty();
		assertThat(tokens.ticketOfAddress("support+t77-0123456789ab@brightlane.example")).isEmpty();
		assertThat(tokens.looksLikeReplyAddress("support+t77-0123456789ab@brightlane.example")).isTrue();
		assertThat(tokens.ticketOfAddress("support@brightlane.example")).isEmpty();
		assertThat(tokens.ticketOfAddress(null)).isEmpty();
	}
}

package io.rapport.channels.email.imap;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.rapport.channels.email.imap.FolderImport.Read;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a batch of polled mails is split into lanes that may be taken side by side: a sender's mails, and the mails
 * of one thread whoever sent them, stay in one lane and in order.
 */
class FolderImportLanesTests {

	@Test
	void shouldKeepEachThreadAndEachSenderInOneLaneInOrder() {
		Read first = mail("Ana <ana@example.org>", "<1@mail.example>", null, null);
		Read other = mail("ben@example.org", "<2@mail.example>", null, null);
		// a colleague answers Ana's mail: another sender, same thread
		Read colleague = mail("Cleo <cleo@example.org>", "<3@mail.example>", "<1@mail.example>", null);
		Read unrelated = mail("dan@example.org", "<4@mail.example>", null, null);
		// Ben writes again, in capitals this time
		Read benAgain = mail("Ben <BEN@example.org>", "<5@mail.example>", null, null);
		// a reply that names the thread only in References
		Read deep = mail("eve@example.org", "<6@mail.example>", null, "<9@elsewhere.example> <3@mail.example>");

		List<List<Read>> lanes = FolderImport.lanes(List.of(first, other, colleague, unrelated, benAgain, deep));

		assertThat(lanes).containsExactly(List.of(first, colleague, deep), List.of(other, benAgain),
				List.of(unrelated));
	}

	@Test
	void shouldPutMailsWithoutHeadersToMatchInLanesOfTheirOwn() {
		Read a = new Read(null, "Subject: a\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII));
		Read b = new Read(null, "Subject: b\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII));

		assertThat(FolderImport.lanes(List.of(a, b))).containsExactly(List.of(a), List.of(b));
	}

	private static Read mail(String from, String messageId, String inReplyTo, String references) {
		StringBuilder raw = new StringBuilder("From: ").append(from).append("\r\nMessage-ID: ").append(messageId)
			.append("\r\n");
		if (inReplyTo != null) {
			raw.append("In-Reply-To: ").append(inReplyTo).append("\r\n");
		}
		if (references != null) {
			raw.append("References:\r\n ").append(references).append("\r\n");
		}
		raw.append("Subject: hello\r\n\r\nFrom: not-a-header@example.org\r\n");
		return new Read(null, raw.toString().getBytes(StandardCharsets.US_ASCII));
	}
}

package io.rapport.channels.email.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.rapport.IntegrationTest;
import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailIngest.IngestResult;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.Mailbox;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mime corpus ({@code src/test/resources/mail/corpus.tsv}, written for the parser) through the whole pipeline:
 * each mail, new to a mailbox of its own, has the outcome the manifest names; a created ticket shows the mail's
 * new text, and a failed mail keeps its raw bytes with the reason the manifest names.
 */
class CorpusOutcomeTests extends IntegrationTest {

	@Autowired
	MailIngest ingest;

	@Autowired
	InboundMails mails;

	@Autowired
	InboundFixtures fixtures;

	/** One line of the manifest: the file, its outcome, and a fragment of its text (or of the failure's reason). */
	record Entry(String file, MailOutcome outcome, String fragment) {
	}

	@Test
	void shouldGiveEveryCorpusMailItsOutcome() throws IOException {
		List<Entry> entries = manifest();
		assertThat(entries).hasSizeGreaterThanOrEqualTo(30);
		for (Entry entry : entries) {
			Mailbox mailbox = fixtures.aMailbox();
			byte[] raw = read(entry.file());

			IngestResult result = ingest.ingest(mailbox.getId(), raw);

			assertThat(result.outcome()).as(entry.file()).isEqualTo(entry.outcome());
			InboundMail row = mails.findByKey(mailbox.getId(), result.messageId()).orElseThrow();
			assertThat(mails.raw(row.id())).as(entry.file()).hasValue(raw);
			if (entry.outcome() == MailOutcome.CREATED) {
				String text = Jsoup.parse(fixtures.messages(result.ticketId()).get(0).bodyHtml()).text();
				assertThat(text).as(entry.file()).contains(entry.fragment());
			}
			if (entry.outcome() == MailOutcome.FAILED) {
				assertThat(row.reason()).as(entry.file()).containsIgnoringCase(entry.fragment());
			}
		}
	}

	private static List<Entry> manifest() throws IOException {
		return new String(read("corpus.tsv"), StandardCharsets.UTF_8).lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(line -> line.split("\t"))
			.map(cells -> new Entry(cells[0], MailOutcome.valueOf(cells[1]), cells[4]))
			.toList();
	}

	private static byte[] read(String name) throws IOException {
		try (InputStream in = CorpusOutcomeTests.class.getResourceAsStream("/mail/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}
}

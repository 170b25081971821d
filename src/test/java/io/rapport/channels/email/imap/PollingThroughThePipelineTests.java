package io.rapport.channels.email.imap;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailIngest.IngestResult;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import io.rapport.shared.secrets.SecretBox;
import io.rapport.tickets.TicketIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IMAP polling through the real inbound pipeline: a polled mail becomes a ticket in the mailbox's group, and a
 * mail offered again (the poller died between the commit and the {@code \Seen} flag) is a duplicate, not a
 * second ticket.
 */
class PollingThroughThePipelineTests extends IntegrationTest {

	@Autowired
	ImapPoller poller;

	@Autowired
	MailIngest pipeline;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	SecretBox secrets;

	@Autowired
	TicketIntake tickets;

	TestMailServer server;

	Mailbox mailbox;

	@BeforeEach
	void server() {
		String address = Fixtures.uniqueEmail("support", "pipeline.example");
		server = new TestMailServer(address);
		Mailbox created = mailboxes.save(new Mailbox("Pipeline", address, "tier2", "0".repeat(64), START));
		created.setInboundMode(Mailbox.InboundMode.IMAP);
		created.setImapHost(TestMailServer.HOST);
		created.setImapPort(server.imapPort());
		created.setImapSecurity(Mailbox.Security.NONE);
		created.setImapUsername(server.login);
		created.setImapAuth(Mailbox.ImapAuth.PASSWORD);
		created.setImapSecretSealed(secrets.seal(server.password, "mailbox:" + created.getId() + ":imap"));
		created.setImapFolder("INBOX");
		created.setPollSeconds(60);
		created.setAfterImport(Mailbox.AfterImport.SEEN);
		mailbox = mailboxes.save(created);
	}

	@AfterEach
	void stop() {
		server.close();
		mailbox.setActive(false);
		mailboxes.findById(mailbox.getId()).ifPresent(stored -> {
			stored.setActive(false);
			mailboxes.save(stored);
		});
	}

	@Test
	void shouldTurnAPolledMailIntoOneTicketEvenWhenItIsOfferedTwice() throws Exception {
		server.deliver("Invoice question " + System.nanoTime(), "Why was I charged twice?");
		List<IngestResult> results = new CopyOnWriteArrayList<>();
		MailIngest recording = (mailboxId, raw) -> {
			IngestResult result = pipeline.ingest(mailboxId, raw);
			results.add(result);
			return result;
		};

		PollResult first = poller.poll(mailbox.getId(), recording);
		server.unsee("INBOX");
		PollResult second = poller.poll(mailbox.getId(), recording);

		assertThat(first.imported()).isEqualTo(1);
		assertThat(second.imported()).isEqualTo(1);
		assertThat(results).extracting(IngestResult::outcome)
			.containsExactly(MailOutcome.CREATED, MailOutcome.DUPLICATE);
		assertThat(results.get(1).ticketId()).isEqualTo(results.get(0).ticketId());
		assertThat(tickets.thread(results.get(0).ticketId()).orElseThrow().group()).isEqualTo("tier2");
		assertThat(server.subjects("INBOX")[0]).endsWith("(seen)");
	}
}

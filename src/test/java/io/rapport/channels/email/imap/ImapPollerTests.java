package io.rapport.channels.email.imap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailIngest.IngestResult;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailbox.AfterImport;
import io.rapport.channels.email.Mailbox.ImapAuth;
import io.rapport.channels.email.Mailboxes;
import io.rapport.shared.secrets.SecretBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IMAP poller against a real IMAP server (GreenMail): every unseen mail reaches the pipeline in UID order, and
 * is flagged, moved or deleted only once the pipeline has returned; a mail the pipeline cannot take stays unseen.
 */
class ImapPollerTests extends IntegrationTest {

	@Autowired
	ImapPoller poller;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	SecretBox secrets;

	TestMailServer server;

	Mailbox mailbox;

	/** What the pipeline was given: subject lines, in order. */
	final List<String> ingested = new CopyOnWriteArrayList<>();

	@BeforeEach
	void server() {
		String address = Fixtures.uniqueEmail("support", "poll.example");
		server = new TestMailServer(address);
		mailbox = imapMailbox(address, ImapAuth.PASSWORD, server.password, AfterImport.SEEN, null);
	}

	@AfterEach
	void stop() {
		server.close();
		mailboxes.deleteById(mailbox.getId());
	}

	@Test
	void shouldHandEveryUnseenMailToThePipelineInUidOrderThenFlagItSeen() throws Exception {
		server.deliver("First", "one");
		server.deliver("Second", "two");
		server.deliver("Third", "three");

		PollResult result = poller.poll(mailbox.getId(), recording());

		assertThat(ingested).containsExactly("First", "Second", "Third");
		assertThat(result.found()).isEqualTo(3);
		assertThat(result.imported()).isEqualTo(3);
		assertThat(result.error()).isNull();
		assertThat(server.subjects("INBOX")).containsExactly("First (seen)", "Second (seen)", "Third (seen)");
		assertThat(poller.poll(mailbox.getId(), recording()).found()).isZero();
		assertThat(mailboxes.findById(mailbox.getId()).orElseThrow().getLastPolledAt()).isEqualTo(START);
	}

	@Test
	void shouldFlagAMailOnlyAfterThePipelineReturned() throws Exception {
		server.deliver("Watched", "body");
		List<String> seenDuringIngest = new CopyOnWriteArrayList<>();

		poller.poll(mailbox.getId(), (mailboxId, raw) -> {
			try {
				seenDuringIngest.addAll(List.of(server.subjects("INBOX")));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			return new IngestResult("id", 1L, MailOutcome.CREATED);
		});

		assertThat(seenDuringIngest).containsExactly("Watched");
		assertThat(server.subjects("INBOX")).containsExactly("Watched (seen)");
	}

	@Test
	void shouldTakeDifferentSendersMailsSideBySideAndEachSendersInOrder() throws Exception {
		server.deliver("INBOX", "ana@example.org", "Ana 1", "a");
		server.deliver("INBOX", "ben@example.org", "Ben 1", "b");
		server.deliver("INBOX", "ana@example.org", "Ana 2", "c");
		server.deliver("INBOX", "ben@example.org", "Ben 2", "d");
		// both first mails must be in the pipeline at the same time: one after the other, the barrier breaks
		CyclicBarrier together = new CyclicBarrier(2);
		MailIngest meeting = (mailboxId, raw) -> {
			String subject = subject(raw);
			if (subject.endsWith(" 1")) {
				try {
					together.await(20, TimeUnit.SECONDS);
				}
				catch (Exception e) {
					throw new IllegalStateException("the other sender's first mail never came alongside", e);
				}
			}
			ingested.add(subject);
			return new IngestResult("id-" + subject, 1L, MailOutcome.CREATED);
		};

		PollResult result = poller.poll(mailbox.getId(), meeting);

		assertThat(result.imported()).isEqualTo(4);
		assertThat(ingested).containsSubsequence("Ana 1", "Ana 2").containsSubsequence("Ben 1", "Ben 2");
		assertThat(server.subjects("INBOX")).containsExactlyInAnyOrder("Ana 1 (seen)", "Ben 1 (seen)",
				"Ana 2 (seen)", "Ben 2 (seen)");
	}

	@Test
	void shouldLeaveAMailThePipelineFailedOnUnseenAndGoOnWithTheOthers() throws Exception {
		server.deliver("Fine before", "a");
		server.deliver("Poison", "b");
		server.deliver("Fine after", "c");
		MailIngest failingOnPoison = (mailboxId, raw) -> {
			if (subject(raw).equals("Poison")) {
				throw new IllegalStateException("the database went away");
			}
			ingested.add(subject(raw));
			return new IngestResult("id", 1L, MailOutcome.CREATED);
		};

		PollResult first = poller.poll(mailbox.getId(), failingOnPoison);

		assertThat(first.imported()).isEqualTo(2);
		assertThat(first.failed()).isEqualTo(1);
		assertThat(server.subjects("INBOX")).containsExactly("Fine before (seen)", "Poison", "Fine after (seen)");
		// The next poll offers only the mail that failed.
		ingested.clear();
		PollResult second = poller.poll(mailbox.getId(), recording());
		assertThat(ingested).containsExactly("Poison");
		assertThat(second.imported()).isEqualTo(1);
	}

	@Test
	void shouldMoveImportedMailToTheMoveFolderCreatingIt() throws Exception {
		mailbox = update(mailbox, AfterImport.MOVE, "Rapport/Imported");
		server.deliver("Move me", "a");
		server.deliver("Me too", "b");

		poller.poll(mailbox.getId(), recording());

		assertThat(server.subjects("INBOX")).isEmpty();
		assertThat(server.subjects("Rapport/Imported")).containsExactly("Move me (seen)", "Me too (seen)");
	}

	@Test
	void shouldDeleteImportedMailWhenAskedTo() throws Exception {
		mailbox = update(mailbox, AfterImport.DELETE, null);
		server.deliver("Delete me", "a");

		poller.poll(mailbox.getId(), recording());

		assertThat(ingested).containsExactly("Delete me");
		assertThat(server.subjects("INBOX")).isEmpty();
	}

	@Test
	void shouldRecordAFailedLoginInWordsAndTryAgainNextPoll() throws Exception {
		server.deliver("Waiting", "a");
		mailbox.setImapSecretSealed(secrets.seal("wrong", "mailbox:" + mailbox.getId() + ":imap"));
		mailbox = mailboxes.save(mailbox);

		PollResult result = poller.poll(mailbox.getId(), recording());

		assertThat(result.error()).contains("refused to sign in").contains(server.login);
		mailbox = mailboxes.findById(mailbox.getId()).orElseThrow();
		assertThat(mailbox.getLastPollError()).isEqualTo(result.error());
		assertThat(ingested).isEmpty();
		mailbox.setImapSecretSealed(secrets.seal(server.password, "mailbox:" + mailbox.getId() + ":imap"));
		mailbox = mailboxes.save(mailbox);
		assertThat(poller.poll(mailbox.getId(), recording()).error()).isNull();
		assertThat(ingested).containsExactly("Waiting");
		assertThat(mailboxes.findById(mailbox.getId()).orElseThrow().getLastPollError()).isNull();
	}

	@Test
	void shouldSignInWithAnOAuth2AccessTokenOverXoauth2() throws Exception {
		mailboxes.deleteById(mailbox.getId());
		mailbox = imapMailbox(Fixtures.uniqueEmail("oauth", "poll.example"), ImapAuth.XOAUTH2, server.password,
				AfterImport.SEEN, null);
		mailbox.setImapUsername(server.login);
		mailbox = mailboxes.save(mailbox);
		server.deliver("Over OAuth", "a");

		PollResult result = poller.poll(mailbox.getId(), recording());

		assertThat(result.error()).isNull();
		assertThat(ingested).containsExactly("Over OAuth");
	}

	@Test
	void shouldPollOnlyTheMailboxesWhoseIntervalHasPassed() throws Exception {
		server.deliver("Early", "a");
		mailboxes.recordPoll(mailbox.getId(), START, null);
		clock.advance(Duration.ofSeconds(59));

		List<Long> polled = dueMailboxes();
		assertThat(polled).doesNotContain(mailbox.getId());

		clock.advance(Duration.ofSeconds(1));
		assertThat(dueMailboxes()).contains(mailbox.getId());
	}

	private List<Long> dueMailboxes() {
		return poller.dueMailboxes().stream().map(Mailbox::getId).toList();
	}

	private MailIngest recording() {
		return (mailboxId, raw) -> {
			ingested.add(subject(raw));
			return new IngestResult("id-" + ingested.size(), 1L, MailOutcome.CREATED);
		};
	}

	private static String subject(byte[] raw) {
		String text = new String(raw, StandardCharsets.UTF_8);
		int start = text.indexOf("Subject: ") + "Subject: ".length();
		return text.substring(start, text.indexOf("\r\n", start));
	}

	private Mailbox imapMailbox(String address, ImapAuth auth, String secret, AfterImport after, String moveFolder) {
		Mailbox created = mailboxes.save(new Mailbox("Poll test", address, "tier1", "0".repeat(64), START));
		created.setInboundMode(Mailbox.InboundMode.IMAP);
		created.setImapHost(TestMailServer.HOST);
		created.setImapPort(server.imapPort());
		created.setImapSecurity(Mailbox.Security.NONE);
		created.setImapUsername(server.login);
		created.setImapAuth(auth);
		created.setImapSecretSealed(secrets.seal(secret, "mailbox:" + created.getId() + ":imap"));
		created.setImapFolder("INBOX");
		created.setPollSeconds(60);
		created.setAfterImport(after);
		created.setMoveFolder(moveFolder);
		return mailboxes.save(created);
	}

	private Mailbox update(Mailbox mailbox, AfterImport after, String moveFolder) {
		mailbox.setAfterImport(after);
		mailbox.setMoveFolder(moveFolder);
		return mailboxes.save(mailbox);
	}
}

package io.rapport.channels.email.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.rapport.IntegrationTest;
import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailIngest.IngestResult;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.MailTokens;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No mail lost, none duplicated, and the noise kept out of the queues: dedupe (also at the same moment), crash
 * recovery by the retry job, poison mail, unreadable mail, auto-replies, bounces, our own mail, floods and spam.
 */
class InboundPipelineTests extends IntegrationTest {

	@Autowired
	MailIngest ingest;

	@Autowired
	InboundPipeline pipeline;

	@Autowired
	InboundRetryJob retryJob;

	@Autowired
	InboundMails mails;

	@Autowired
	InboundSenderRetention senderRetention;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	MailTokens tokens;

	@Autowired
	TicketsApi tickets;

	@Autowired
	InboundFixtures fixtures;

	Mailbox mailbox;

	String ana;

	@BeforeEach
	void aMailbox() {
		mailbox = fixtures.aMailbox();
		ana = InboundFixtures.customer("ana");
	}

	@Test
	void shouldAnswerTheSameMailTwiceAsADuplicateOfTheFirstTicket() {
		byte[] raw = TestMail.from(ana, mailbox.getAddress()).bytes();

		IngestResult first = ingest.ingest(mailbox.getId(), raw);
		IngestResult second = ingest.ingest(mailbox.getId(), raw);

		assertThat(first.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(second.outcome()).isEqualTo(MailOutcome.DUPLICATE);
		assertThat(second.ticketId()).isEqualTo(first.ticketId());
	}

	@Test
	void shouldDeduplicateMailWithoutMessageIdByItsBytes() {
		byte[] raw = TestMail.from(ana, mailbox.getAddress()).withoutMessageId().bytes();
		byte[] other = TestMail.from(ana, mailbox.getAddress()).withoutMessageId().body("Another thing").bytes();

		IngestResult first = ingest.ingest(mailbox.getId(), raw);
		IngestResult again = ingest.ingest(mailbox.getId(), raw);
		IngestResult different = ingest.ingest(mailbox.getId(), other);

		assertThat(first.messageId()).startsWith("sha256:");
		assertThat(again.outcome()).isEqualTo(MailOutcome.DUPLICATE);
		assertThat(again.ticketId()).isEqualTo(first.ticketId());
		assertThat(different.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(different.ticketId()).isNotEqualTo(first.ticketId());
	}

	@Test
	void shouldCreateOneTicketWhenAProviderPushesTheSameMailFourTimesAtOnce() throws Exception {
		byte[] raw = TestMail.from(ana, mailbox.getAddress()).bytes();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pushers = Executors.newFixedThreadPool(4);
		List<Future<IngestResult>> pushes = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				pushes.add(pushers.submit(() -> {
					start.await();
					return ingest.ingest(mailbox.getId(), raw);
				}));
			}
			start.countDown();
			List<IngestResult> results = new ArrayList<>();
			for (Future<IngestResult> push : pushes) {
				results.add(push.get());
			}
			assertThat(results).filteredOn(r -> r.outcome() == MailOutcome.CREATED).hasSize(1);
			assertThat(results).filteredOn(r -> r.outcome() == MailOutcome.DUPLICATE).hasSize(3);
			assertThat(results).extracting(IngestResult::ticketId).containsOnly(results.stream()
				.filter(r -> r.outcome() == MailOutcome.CREATED).findFirst().orElseThrow().ticketId());
		}
		finally {
			pushers.shutdownNow();
		}
	}

	@Test
	void shouldProcessAMailThatWasStoredWhenTheProcessDied() {
		TestMail mail = TestMail.from(ana, mailbox.getAddress()).subject("Stored before the crash");
		long recent = mails.insert(mailbox.getId(), "recent-" + mail.messageId(), null, mail.bytes(),
				clock.instant().minusSeconds(10));
		long id = mails.insert(mailbox.getId(), mail.messageId(), mail.messageId(), mail.bytes(),
				clock.instant().minus(InboundRetryJob.GRACE).minusSeconds(1));

		retryJob.retryPending();

		InboundMail done = mails.find(id).orElseThrow();
		assertThat(done.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(fixtures.ticket(done.ticketId()).subject()).isEqualTo("Stored before the crash");
		assertThat(mails.find(recent).orElseThrow().status()).as("too recent: maybe still being processed")
			.isEqualTo(InboundMail.Status.RECEIVED);
		mails.delete(recent);
		IngestResult redelivered = ingest.ingest(mailbox.getId(), mail.bytes());
		assertThat(redelivered.outcome()).isEqualTo(MailOutcome.DUPLICATE);
		assertThat(redelivered.ticketId()).isEqualTo(done.ticketId());
	}

	@Test
	void shouldProcessAStoredButUnprocessedMailWhenItIsDeliveredAgain() {
		TestMail mail = TestMail.from(ana, mailbox.getAddress()).subject("Delivered again after the crash");
		long id = mails.insert(mailbox.getId(), mail.messageId(), mail.messageId(), mail.bytes(), clock.instant());

		IngestResult redelivered = ingest.ingest(mailbox.getId(), mail.bytes());

		InboundMail done = mails.find(id).orElseThrow();
		assertThat(redelivered.outcome()).isEqualTo(MailOutcome.DUPLICATE);
		assertThat(done.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(redelivered.ticketId()).isEqualTo(done.ticketId()).isNotNull();
	}

	@Test
	void shouldStoreAMailWhoseFirstTryFailedAndLetTheRetryJobFinishIt() {
		Mailbox misrouted = fixtures.aMailbox("no-such-group");
		TestMail mail = TestMail.from(ana, misrouted.getAddress()).subject("Into a group that is not there");

		IngestResult first = ingest.ingest(misrouted.getId(), mail.bytes());

		assertThat(first.outcome()).isEqualTo(MailOutcome.QUEUED);
		InboundMail stored = mails.findByKey(misrouted.getId(), first.messageId()).orElseThrow();
		assertThat(stored.status()).isEqualTo(InboundMail.Status.RECEIVED);
		assertThat(stored.attempts()).isEqualTo(1);
		assertThat(stored.reason()).isNotBlank();
		assertThat(mails.raw(stored.id())).hasValue(mail.bytes());
		assertThat(jdbc.queryForObject("select count(*) from messages where source = ? and external_id = ?",
				Integer.class, "email:" + misrouted.getId(), first.messageId())).as("the failed try left nothing")
			.isZero();
		misrouted.setGroup("tier1");
		mailboxes.save(misrouted);
		clock.advance(InboundRetryJob.GRACE.plusSeconds(1));
		retryJob.retryPending();
		InboundMail done = mails.find(stored.id()).orElseThrow();
		assertThat(done.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(fixtures.ticket(done.ticketId()).subject()).isEqualTo("Into a group that is not there");
		assertThat(ingest.ingest(misrouted.getId(), mail.bytes()).ticketId()).isEqualTo(done.ticketId());
	}

	@Test
	void shouldSkipAPoisonMailAfterThreeTries() {
		Mailbox doomed = fixtures.aMailbox();
		TestMail mail = TestMail.from(ana, doomed.getAddress());
		long id = mails.insert(doomed.getId(), mail.messageId(), mail.messageId(), mail.bytes(), clock.instant());
		mailboxes.delete(doomed);

		IngestResult firstTry = pipeline.process(id, false, false).orElseThrow();
		clock.advance(Duration.ofMinutes(2));
		retryJob.retryPending();
		InboundMail afterTwo = mails.find(id).orElseThrow();
		clock.advance(Duration.ofMinutes(2));
		retryJob.retryPending();
		clock.advance(Duration.ofMinutes(2));
		retryJob.retryPending();

		assertThat(firstTry.outcome()).isEqualTo(MailOutcome.QUEUED);
		assertThat(afterTwo.attempts()).isEqualTo(2);
		assertThat(afterTwo.status()).isEqualTo(InboundMail.Status.RECEIVED);
		InboundMail failed = mails.find(id).orElseThrow();
		assertThat(failed.status()).isEqualTo(InboundMail.Status.FAILED);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.reason()).isNotBlank();
		assertThat(mails.raw(id)).hasValue(mail.bytes());
	}

	@Test
	void shouldKeepAnUnreadableMailRawWithTheReason() {
		StringBuilder bomb = new StringBuilder();
		for (int i = 0; i < 5000; i++) {
			bomb.append("X-Bomb-").append(i).append(": boom\r\n");
		}
		byte[] raw = (bomb + "From: " + ana + "\r\nSubject: bomb\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);

		IngestResult result = ingest.ingest(mailbox.getId(), raw);

		assertThat(result.outcome()).isEqualTo(MailOutcome.FAILED);
		InboundMail row = mails.findByKey(mailbox.getId(), result.messageId()).orElseThrow();
		assertThat(row.status()).isEqualTo(InboundMail.Status.FAILED);
		assertThat(row.reason()).isNotBlank();
		assertThat(mails.raw(row.id())).hasValue(raw);
	}

	@Test
	void shouldAppendAnAutoReplyWithoutReopeningTheTicket() {
		IngestResult opened = ingest.ingest(mailbox.getId(), TestMail.from(ana, mailbox.getAddress()).bytes());
		long version = fixtures.ticket(opened.ticketId()).version();
		tickets.update(opened.ticketId(), new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null, version),
				fixtures.reader());

		IngestResult outOfOffice = ingest.ingest(mailbox.getId(),
				TestMail.from(ana, mailbox.getAddress())
					.subject("Automatic reply: A question")
					.header("Auto-Submitted", "auto-replied")
					.inReplyTo(tokens.messageId(opened.ticketId(), 1, mailbox.domain()))
					.body("I am out of the office until Monday.")
					.bytes());

		assertThat(outOfOffice.outcome()).isEqualTo(MailOutcome.APPENDED);
		assertThat(outOfOffice.ticketId()).isEqualTo(opened.ticketId());
		assertThat(fixtures.ticket(opened.ticketId()).status()).isEqualTo(TicketStatus.SOLVED);
		assertThat(fixtures.messages(opened.ticketId())).hasSize(2);
	}

	@Test
	void shouldIgnoreAnAutoReplyThatAnswersNoTicket() {
		IngestResult result = ingest.ingest(mailbox.getId(), TestMail.from(ana, mailbox.getAddress())
			.subject("Out of Office: hello")
			.header("Auto-Submitted", "auto-replied")
			.bytes());

		assertThat(result.outcome()).isEqualTo(MailOutcome.IGNORED_AUTO_REPLY);
		assertThat(result.ticketId()).isNull();
		assertThat(mails.findByKey(mailbox.getId(), result.messageId())).isPresent();
	}

	@Test
	void shouldRecordABounceInsteadOfOpeningATicket() {
		String original = tokens.messageId(41, 42, mailbox.domain()).replaceAll("[<>]", "");
		byte[] dsn = ("From: Mail Delivery System <MAILER-DAEMON@mx.pop.example>\r\n"
				+ "To: " + mailbox.getAddress() + "\r\nSubject: Undelivered Mail Returned to Sender\r\n"
				+ "Message-ID: <dsn." + System.nanoTime() + "@mx.pop.example>\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
				+ "--b1\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
				+ "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.pop.example\r\n\r\n"
				+ "Final-Recipient: rfc822; " + ana + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
				+ "Diagnostic-Code: smtp; 550 5.1.1 mailbox unavailable\r\n\r\n"
				+ "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + mailbox.getAddress() + "\r\nTo: " + ana
				+ "\r\nMessage-ID: <" + original + ">\r\nSubject: [#42] Your request\r\n\r\n--b1--\r\n")
			.getBytes(StandardCharsets.US_ASCII);

		IngestResult result = ingest.ingest(mailbox.getId(), dsn);

		assertThat(result.outcome()).isEqualTo(MailOutcome.BOUNCE_RECORDED);
		assertThat(result.ticketId()).isNull();
	}

	@Test
	void shouldIgnoreMailFromOurOwnAddresses() {
		Mailbox other = fixtures.aMailbox();

		IngestResult fromItself = ingest.ingest(mailbox.getId(),
				TestMail.from(mailbox.getAddress(), mailbox.getAddress()).bytes());
		IngestResult fromAnother = ingest.ingest(mailbox.getId(),
				TestMail.from(tokens.replyAddress(7, other.getAddress()), mailbox.getAddress()).bytes());

		assertThat(fromItself.outcome()).isEqualTo(MailOutcome.IGNORED_AUTO_REPLY);
		assertThat(fromAnother.outcome()).isEqualTo(MailOutcome.IGNORED_AUTO_REPLY);
		assertThat(mails.findByKey(mailbox.getId(), fromItself.messageId()).orElseThrow().reason())
			.isEqualTo("inbound.reason.own-address");
	}

	@Test
	void shouldHoldTheTwentyFirstMailInTenMinutesFromOneSenderAndReleaseIt() {
		loop(MailProcessor.FLOOD_LIMIT);

		IngestResult held = ingest.ingest(mailbox.getId(), TestMail.from(ana, mailbox.getAddress()).bytes());
		IngestResult otherSender = ingest.ingest(mailbox.getId(),
				TestMail.from(InboundFixtures.customer("bob"), mailbox.getAddress()).bytes());

		assertThat(held.outcome()).isEqualTo(MailOutcome.HELD);
		assertThat(held.ticketId()).isNull();
		assertThat(otherSender.outcome()).isEqualTo(MailOutcome.CREATED);
		InboundMail row = mails.findByKey(mailbox.getId(), held.messageId()).orElseThrow();
		assertThat(row.status()).isEqualTo(InboundMail.Status.HELD);
		IngestResult released = pipeline.process(row.id(), true, false).orElseThrow();
		assertThat(released.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(mails.find(row.id()).orElseThrow().status()).isEqualTo(InboundMail.Status.DONE);
	}

	@Test
	void shouldCountMailsOfOneSenderArrivingAtTheSameMomentOneAfterTheOther() throws Exception {
		int total = MailProcessor.FLOOD_LIMIT + 10;
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<IngestResult>> results = new ArrayList<>();
			for (int i = 0; i < total; i++) {
				byte[] raw = autoReply().bytes();
				results.add(threads.submit(() -> ingest.ingest(mailbox.getId(), raw)));
			}
			Map<MailOutcome, Integer> outcomes = new EnumMap<>(MailOutcome.class);
			for (Future<IngestResult> result : results) {
				outcomes.merge(result.get(60, TimeUnit.SECONDS).outcome(), 1, Integer::sum);
			}
			assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(MailOutcome.IGNORED_AUTO_REPLY,
					MailProcessor.FLOOD_LIMIT, MailOutcome.HELD, 10));
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void shouldLetMailThroughAgainOnceTheTenMinutesHavePassed() {
		loop(MailProcessor.FLOOD_LIMIT);
		assertThat(ingest.ingest(mailbox.getId(), autoReply().bytes()).outcome()).isEqualTo(MailOutcome.HELD);
		clock.advance(MailProcessor.FLOOD_WINDOW.plusSeconds(1));

		IngestResult later = ingest.ingest(mailbox.getId(), autoReply().bytes());

		assertThat(later.outcome()).isEqualTo(MailOutcome.IGNORED_AUTO_REPLY);
	}

	@Test
	void shouldCountTheLastTenMinutesOnlyWhenASenderNeverPausedForTen() {
		loop(15);
		clock.advance(Duration.ofMinutes(6));
		loop(MailProcessor.FLOOD_LIMIT - 15);
		assertThat(ingest.ingest(mailbox.getId(), autoReply().bytes()).outcome()).as("21 in six minutes")
			.isEqualTo(MailOutcome.HELD);
		clock.advance(Duration.ofMinutes(5));

		IngestResult later = ingest.ingest(mailbox.getId(), autoReply().bytes());

		assertThat(later.outcome()).as("the first 15 are older than ten minutes: 7 in the window, this one included")
			.isEqualTo(MailOutcome.IGNORED_AUTO_REPLY);
		assertThat(recent()).as("recorded since the sender's last pause of ten minutes").isEqualTo(22);
		clock.advance(MailProcessor.FLOOD_WINDOW);
		loop(1);
		assertThat(recent()).as("after ten quiet minutes").isEqualTo(1);
	}

	private int recent() {
		return jdbc.queryForObject("select recent from inbound_senders where mailbox_id = ? and from_address = ?",
				Integer.class, mailbox.getId(), ana);
	}

	@Test
	void shouldForgetSendersNotSeenForADayAndStillCountThemWhenTheyWriteAgain() {
		ingest.ingest(mailbox.getId(), TestMail.from(ana, mailbox.getAddress()).bytes());
		assertThat(senders()).isEqualTo(1);

		clock.advance(InboundSenderRetention.KEEP.minusMinutes(1));
		senderRetention.prune();
		assertThat(senders()).as("seen less than a day ago").isEqualTo(1);
		clock.advance(Duration.ofMinutes(2));
		senderRetention.prune();
		assertThat(senders()).isZero();

		loop(MailProcessor.FLOOD_LIMIT);
		assertThat(ingest.ingest(mailbox.getId(), autoReply().bytes()).outcome()).isEqualTo(MailOutcome.HELD);
	}

	private int senders() {
		return jdbc.queryForObject("select count(*) from inbound_senders where mailbox_id = ?", Integer.class,
				mailbox.getId());
	}

	@Test
	void shouldHoldSpamUntilSomeoneReleasesIt() {
		IngestResult spam = ingest.ingest(mailbox.getId(),
				TestMail.from(ana, mailbox.getAddress()).header("X-Spam-Flag", "YES").bytes());

		assertThat(spam.outcome()).isEqualTo(MailOutcome.HELD);
		InboundMail row = mails.findByKey(mailbox.getId(), spam.messageId()).orElseThrow();
		assertThat(row.status()).isEqualTo(InboundMail.Status.SPAM);
		assertThat(pipeline.process(row.id(), true, false).orElseThrow().outcome()).isEqualTo(MailOutcome.CREATED);
	}

	/**
	 * An auto-responder answering itself: automatic replies to no ticket, each one a row from the same sender (the
	 * flood rule counts rows, whatever became of them), none a ticket that would crowd other tests' queues.
	 */
	private void loop(int mails) {
		for (int i = 0; i < mails; i++) {
			assertThat(ingest.ingest(mailbox.getId(), autoReply().bytes()).outcome())
				.isEqualTo(MailOutcome.IGNORED_AUTO_REPLY);
		}
	}

	private TestMail autoReply() {
		return TestMail.from(ana, mailbox.getAddress())
			.subject("Automatic reply: your message")
			.header("Auto-Submitted", "auto-replied");
	}
}

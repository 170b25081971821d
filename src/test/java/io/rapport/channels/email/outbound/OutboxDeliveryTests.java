package io.rapport.channels.email.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.channels.EmailApi;
import io.rapport.channels.email.Bounces;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox delivers over real SMTP (GreenMail, and a scripted server for refusals): headers and parts, a stable
 * Message-ID across resends, backoff until 24 hours then FAILED, 5xx failing at once, bounces.
 */
class OutboxDeliveryTests extends IntegrationTest {

	@Autowired
	EmailApi email;

	@Autowired
	Bounces bounces;

	@Autowired
	OutboxSender sender;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxMail outboxMail;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	OutboxRetention retention;

	GreenMail smtp;

	TestMailboxes boxes;

	@BeforeEach
	void startSmtp() {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		boxes = new TestMailboxes(mailboxes);
	}

	@AfterEach
	void stopSmtp() {
		smtp.stop();
		boxes.deactivateAll();
	}

	@Test
	void shouldSendATemplateMailInTheReadersLanguageWithItsHeaders() throws Exception {
		Mailbox mailbox = boxes.sendingTo(smtp.getSmtp().getPort(), true);
		String to = Fixtures.uniqueEmail("ioana", "carpathia.example");
		long id = email.sendTemplate(to, "Ioana", "portal.verify", Locale.forLanguageTag("ro"),
				Map.of("link", "https://help.example/verify/abc"));

		assertThat(sender.sendDue()).isPositive();

		MimeMessage received = only(to);
		OutboundMail row = outbox.find(id).orElseThrow();
		assertThat(row.status()).isEqualTo(OutboundMail.Status.SENT);
		assertThat(row.lastAnswer()).startsWith("250");
		assertThat(received.getSubject()).isEqualTo("Confirmați adresa de e-mail");
		assertThat(received.getHeader("Message-ID")[0]).isEqualTo("<" + row.messageId() + ">");
		assertThat(received.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		assertThat(received.getFrom()[0].toString()).contains(mailbox.getAddress()).contains("Brightlane");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		assertThat(parts.getContentType()).startsWith("multipart/alternative");
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat((String) parts.getBodyPart(0).getContent()).contains("Bună ziua, Ioana")
			.contains("https://help.example/verify/abc");
		assertThat(System.getProperty("jakarta.mail.util.StreamProvider")).as("named at start, not scanned for per part")
			.isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
	}

	@Test
	void shouldSendABigBatchOverSeveralConnectionsKeepingEachRecipientsMailsInOrder() throws Exception {
		boxes.sendingTo(smtp.getSmtp().getPort(), true);
		String domain = "many-" + System.nanoTime() + ".example";
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			ids.add(email.sendTemplate("reader" + (i % 20) + "@" + domain, "Reader", "portal.reset", Locale.ENGLISH,
					Map.of("link", "https://x.example/r/" + i + "/")));
		}

		sender.sendDue();

		assertThat(smtp.waitForIncomingEmail(10_000, 100)).isTrue();
		assertThat(ids).allSatisfy(id -> assertThat(outbox.find(id).orElseThrow().status())
			.isEqualTo(OutboundMail.Status.SENT));
		for (int reader = 0; reader < 20; reader++) {
			String to = "reader" + reader + "@" + domain;
			List<Integer> links = Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(to))
				.map(m -> link(GreenMailUtil.getBody(m))).toList();
			assertThat(links).as(to).hasSize(5).isSorted();
		}
	}

	private static int link(String body) {
		Matcher number = Pattern.compile("x\\.example/r/(\\d+)/").matcher(body);
		assertThat(number.find()).isTrue();
		return Integer.parseInt(number.group(1));
	}

	@Test
	void shouldSendTheSameMessageIdWhenARowIsSentAgain() throws Exception {
		boxes.sendingTo(smtp.getSmtp().getPort(), true);
		String to = Fixtures.uniqueEmail("lars", "fjord.example");
		long id = email.sendTemplate(to, "Lars", "portal.reset", Locale.ENGLISH, Map.of("link", "https://x.example/r"));
		sender.sendDue();
		bounces.recordBounce(outbox.find(id).orElseThrow().messageId(), to, "550 gone");
		assertThat(outboxMail.retry(id)).isTrue();
		sender.sendDue();

		assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
		String[] ids = Arrays.stream(smtp.getReceivedMessagesForDomain(to.substring(to.indexOf('@') + 1)))
			.map(OutboxDeliveryTests::messageId).distinct().toArray(String[]::new);
		assertThat(ids).containsExactly("<" + outbox.find(id).orElseThrow().messageId() + ">");
	}

	@Test
	void shouldRetryWithBackoffThenFailAfterADay() throws Exception {
		boxes.sendingTo(closedPort(), true);
		long id = email.sendTemplate(Fixtures.uniqueEmail("ana", "pop.example"), "Ana", "portal.invitation",
				Locale.ENGLISH, Map.of("link", "https://x.example/i"));
		long other = email.sendTemplate(Fixtures.uniqueEmail("bo", "pop.example"), "Bo", "portal.invitation",
				Locale.ENGLISH, Map.of("link", "https://x.example/j"));

		sender.sendDue();
		assertThat(outbox.find(other).orElseThrow().attempts()).as("same batch, same unreachable server").isEqualTo(1);
		OutboundMail first = outbox.find(id).orElseThrow();
		assertThat(first.status()).isEqualTo(OutboundMail.Status.QUEUED);
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(first.lastAnswer()).isNotBlank();

		sender.sendDue();
		assertThat(outbox.find(id).orElseThrow().attempts()).as("not due yet").isEqualTo(1);

		clock.advance(Duration.ofMinutes(1));
		sender.sendDue();
		OutboundMail second = outbox.find(id).orElseThrow();
		assertThat(second.attempts()).isEqualTo(2);
		assertThat(second.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

		clock.advance(Duration.ofHours(24));
		sender.sendDue();
		OutboundMail last = outbox.find(id).orElseThrow();
		assertThat(last.status()).isEqualTo(OutboundMail.Status.FAILED);
		assertThat(last.attempts()).isEqualTo(3);
	}

	@Test
	void shouldDeleteSentMailAfterTheRetentionPeriodAndKeepFailedMail() throws Exception {
		Mailbox mailbox = boxes.sendingTo(smtp.getSmtp().getPort(), true);
		long old = email.sendTemplate(Fixtures.uniqueEmail("ana", "pop.example"), "Ana", "portal.invitation",
				Locale.ENGLISH, Map.of("link", "https://x.example/i"));
		sender.sendDue();
		boxes.pointAt(mailbox, closedPort());
		long failed = email.sendTemplate(Fixtures.uniqueEmail("bo", "pop.example"), "Bo", "portal.invitation",
				Locale.ENGLISH, Map.of("link", "https://x.example/j"));
		sender.sendDue();
		clock.advance(Duration.ofHours(25));
		sender.sendDue();
		boxes.pointAt(mailbox, smtp.getSmtp().getPort());
		clock.advance(Duration.ofDays(30));
		long recent = email.sendTemplate(Fixtures.uniqueEmail("cy", "pop.example"), "Cy", "portal.invitation",
				Locale.ENGLISH, Map.of("link", "https://x.example/k"));
		sender.sendDue();
		assertThat(outbox.find(old).orElseThrow().status()).isEqualTo(OutboundMail.Status.SENT);
		assertThat(outbox.find(failed).orElseThrow().status()).isEqualTo(OutboundMail.Status.FAILED);

		clock.advance(Duration.ofDays(61));
		retention.prune();

		assertThat(outbox.find(old)).as("sent 91 days ago").isEmpty();
		assertThat(outbox.find(failed)).as("failed: kept for an admin").isPresent();
		assertThat(outbox.find(recent)).as("sent 61 days ago").isPresent();
	}

	@Test
	void shouldDeliverARetriedMailOnceTheServerIsBack() throws Exception {
		Mailbox mailbox = boxes.sendingTo(closedPort(), true);
		String to = Fixtures.uniqueEmail("mei", "lotus.example");
		long id = email.sendTemplate(to, "Mei", "portal.verify", Locale.CHINESE, Map.of("link", "https://x.example/v"));
		sender.sendDue();
		clock.advance(Duration.ofHours(25));
		sender.sendDue();
		assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboundMail.Status.FAILED);

		boxes.pointAt(mailbox, smtp.getSmtp().getPort());
		assertThat(outboxMail.retry(id)).isTrue();
		assertThat(sender.sendDue()).as("one SMTP transaction").isEqualTo(1);

		assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboundMail.Status.SENT);
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		assertThat(smtp.getReceivedMessagesForDomain("lotus.example")).extracting(OutboxDeliveryTests::messageId)
			.containsOnly("<" + outbox.find(id).orElseThrow().messageId() + ">");
		assertThat(smtp.getReceivedMessagesForDomain("lotus.example")[0].getSubject()).isEqualTo("请确认您的邮箱地址");
	}

	@Test
	void shouldFailAtOnceOnAPermanentRefusal() throws Exception {
		try (ScriptedSmtp refusing = new ScriptedSmtp("550 5.1.1 No such user here")) {
			boxes.sendingTo(refusing.port(), true);
			long id = email.sendTemplate(Fixtures.uniqueEmail("nobody", "void.example"), "Nobody", "portal.verify",
					Locale.ENGLISH, Map.of("link", "https://x.example/v"));
			sender.sendDue();

			OutboundMail row = outbox.find(id).orElseThrow();
			assertThat(row.status()).isEqualTo(OutboundMail.Status.FAILED);
			assertThat(row.attempts()).isEqualTo(1);
			assertThat(row.lastAnswer()).contains("550 5.1.1 No such user here");
		}
	}

	@Test
	void shouldRetryLaterOnATemporaryRefusal() throws Exception {
		try (ScriptedSmtp busy = new ScriptedSmtp("451 4.3.0 Try again later")) {
			boxes.sendingTo(busy.port(), true);
			long id = email.sendTemplate(Fixtures.uniqueEmail("later", "slow.example"), "Later", "portal.verify",
					Locale.ENGLISH, Map.of("link", "https://x.example/v"));
			sender.sendDue();

			OutboundMail row = outbox.find(id).orElseThrow();
			assertThat(row.status()).isEqualTo(OutboundMail.Status.QUEUED);
			assertThat(row.lastAnswer()).contains("451");
		}
	}

	@Test
	void shouldMarkABouncedMailWithItsReason() {
		boxes.sendingTo(smtp.getSmtp().getPort(), true);
		long id = email.sendTemplate(Fixtures.uniqueEmail("gone", "pop.example"), "Gone", "portal.verify",
				Locale.ENGLISH, Map.of("link", "https://x.example/v"));
		sender.sendDue();
		String messageId = outbox.find(id).orElseThrow().messageId();

		assertThat(bounces.recordBounce("<" + messageId + ">", "gone@pop.example", "550 5.1.1 mailbox unavailable"))
			.isTrue();
		assertThat(bounces.recordBounce("unknown." + messageId, "x@pop.example", "550")).isFalse();
		OutboundMail row = outbox.find(id).orElseThrow();
		assertThat(row.status()).isEqualTo(OutboundMail.Status.BOUNCED);
		assertThat(row.bounceReason()).isEqualTo("gone@pop.example: 550 5.1.1 mailbox unavailable");
	}

	@Test
	void shouldKeepANameWithLineBreaksOutOfTheHeaders() throws Exception {
		boxes.sendingTo(smtp.getSmtp().getPort(), true);
		String to = Fixtures.uniqueEmail("eve", "pop.example");
		email.sendTemplate(to, "Eve\r\nBcc: spy@evil.example", "portal.invitation", Locale.ENGLISH,
				Map.of("link", "https://x.example/i"));
		sender.sendDue();

		MimeMessage received = only(to);
		assertThat(received.getHeader("Bcc")).isNull();
		assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly(to);
		assertThat(smtp.getReceivedMessagesForDomain("evil.example")).isEmpty();
		assertThat(GreenMailUtil.getBody(received)).doesNotContain("\r\nBcc:");
	}

	private MimeMessage only(String to) throws Exception {
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage[] found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(to))
			.toArray(MimeMessage[]::new);
		assertThat(found).as(() -> Arrays.stream(smtp.getReceivedMessages())
			.map(m -> messageId(m) + " " + recipients(m)).toList().toString()).hasSize(1);
		return found[0];
	}

	private static String recipients(MimeMessage m) {
		try {
			return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
		}
		catch (Exception e) {
			return "";
		}
	}

	private static String messageId(MimeMessage m) {
		try {
			return m.getHeader("Message-ID")[0];
		}
		catch (Exception e) {
			return "";
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}

package io.rapport.channels.email.sandbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.RapportProperties;
import io.rapport.tickets.TicketIntake;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.MailboxDirectory;
import io.rapport.channels.email.Mailboxes;
import io.rapport.shared.secrets.SecretBox;
import io.rapport.tickets.TicketView;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox on free ports, wired by hand into the shared context (which runs without one: a second context
 * would point the shared database's sandbox mailbox at its own ports): it starts, connects its mailbox once, takes
 * a customer's mail over SMTP for Rapport to read over IMAP, threads a reply to a ticket, and shows what Rapport
 * sent with its HTML made safe.
 */
class MailSandboxTests extends IntegrationTest {

	@Autowired
	RapportProperties properties;

	@Autowired
	AccountsApi accounts;

	@Autowired
	TicketIntake intake;

	@Autowired
	ApplicationContext context;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	SecretBox secrets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TransactionTemplate transactions;

	MailSandbox sandbox;

	SandboxMailbox sandboxMailbox;

	SandboxComposer composer;

	SentMails sentMails;

	private Map<String, Object> before;

	@BeforeEach
	void start() {
		assertThat(context.getBeanNamesForType(MailSandbox.class)).as("off in the shared context").isEmpty();
		before = jdbc.queryForList("select * from mailboxes where address = ?", MailSandbox.ADDRESS).stream()
			.findFirst().orElse(null);
		sandbox = new MailSandbox(properties, 0, 0);
		sandboxMailbox = new SandboxMailbox(sandbox, mailboxes, secrets, clock);
		composer = new SandboxComposer(sandbox, accounts, intake, jdbc);
		sentMails = new SentMails(sandbox);
		transactions.executeWithoutResult(status -> sandboxMailbox.ensure());
	}

	/** Leaves the sandbox's mailbox row as it was: other contexts on this database use it. */
	@AfterEach
	void stop() {
		sandbox.stop();
		long id = mailboxes.findByAddress(MailSandbox.ADDRESS).orElseThrow().getId();
		jdbc.update("delete from email_messages where mailbox_id = ?", id);
		if (before == null) {
			jdbc.update("update mailboxes set is_default = false, active = false where id = ?", id);
			MailboxDirectory.changed();
			return;
		}
		jdbc.update("update mailboxes set imap_port = ?, smtp_port = ?, imap_secret = ?, smtp_secret = ?, "
				+ "is_default = ?, active = ? where id = ?", before.get("imap_port"), before.get("smtp_port"),
				before.get("imap_secret"), before.get("smtp_secret"), before.get("is_default"), before.get("active"), id);
		MailboxDirectory.changed();
	}

	@Test
	void shouldStartAndConnectItsMailboxOnce() throws Exception {
		transactions.executeWithoutResult(status -> sandboxMailbox.ensure());
		assertThat(mailboxes.findAll()).filteredOn(m -> m.getAddress().equals(MailSandbox.ADDRESS)).hasSize(1);
		Mailbox mailbox = mailboxes.findByAddress(MailSandbox.ADDRESS).orElseThrow();
		assertThat(mailbox.getInboundMode()).isEqualTo(Mailbox.InboundMode.IMAP);
		assertThat(mailbox.getImapPort()).isEqualTo(sandbox.imapPort()).isNotEqualTo(0);
		assertThat(mailbox.getSmtpPort()).isEqualTo(sandbox.smtpPort()).isNotEqualTo(0);
		assertThat(mailbox.getGroup()).isEqualTo("tier1");
		assertThat(mailbox.getPollSeconds()).isEqualTo(5);
		assertThat(secrets.open(mailbox.getImapSecretSealed(), "mailbox:" + mailbox.getId() + ":imap"))
			.isEqualTo(sandbox.password());

		Session session = Session.getInstance(new Properties());
		try (Store store = session.getStore("imap")) {
			store.connect("127.0.0.1", sandbox.imapPort(), MailSandbox.ADDRESS, sandbox.password());
			assertThat(store.getFolder("INBOX").exists()).isTrue();
		}
		assertThatThrownBy(() -> {
			try (Store store = session.getStore("imap")) {
				store.connect("127.0.0.1", sandbox.imapPort(), MailSandbox.ADDRESS, "a-guess");
			}
		}).isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
		assertThat(sandbox.bannerLines()).anySatisfy(line -> assertThat(line).contains(MailSandbox.ADDRESS,
				String.valueOf(sandbox.smtpPort()), String.valueOf(sandbox.imapPort())));
	}

	@Test
	void shouldDeliverACustomersMailToTheSupportInboxWithAttachments() throws Exception {
		String subject = "Exportul nu merge " + System.nanoTime();
		composer.send(new SandboxDraft(null, "ana@carpathia.example", "Ana Ionescu", "ro", subject,
				"Bună ziua, exportul se oprește.", null,
				List.of(new MockMultipartFile("attachments", "jurnal.txt", "text/plain", "eroare".getBytes()))));

		MimeMessage mail = supportMail(subject);
		assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("ana@carpathia.example");
		assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Ana Ionescu");
		assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("ro");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getBodyPart(0).getContent().toString()).contains("exportul se oprește");
		assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("jurnal.txt");
	}

	@Test
	void shouldThreadAReplyToTheTicketsLastSentMessage() throws Exception {
		TicketView ticket = fixtures.aTicket();
		long mailboxId = mailboxes.findByAddress(MailSandbox.ADDRESS).orElseThrow().getId();
		insertEmailMessage(mailboxId, ticket.id(), "OUT", "<t1.m1.older@rapport.localhost>", IntegrationTest.START);
		insertEmailMessage(mailboxId, ticket.id(), "IN", "<from-customer@example.org>", IntegrationTest.START.plusSeconds(60));
		insertEmailMessage(mailboxId, ticket.id(), "OUT", "<t1.m2.latest@rapport.localhost>", IntegrationTest.START.plusSeconds(30));

		composer.send(new SandboxDraft(null, ticket.requester().email(), null, "en", "", "Thanks, that worked.",
				ticket.number(), List.of()));

		MimeMessage mail = supportMail("Re: [#" + ticket.number() + "] " + ticket.subject());
		assertThat(mail.getHeader("In-Reply-To")[0]).isEqualTo("<t1.m2.latest@rapport.localhost>");
		assertThat(mail.getHeader("References")[0]).isEqualTo("<t1.m2.latest@rapport.localhost>");
		assertThatThrownBy(() -> composer.send(new SandboxDraft(null, "x@example.org", null, "en", "", "Hi",
				999_999_999L, List.of()))).isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.code()).isEqualTo("errors.sandbox.ticket-unknown"));
	}

	@Test
	void shouldShowWhatRapportSentNewestFirstWithHtmlMadeSafe() throws Exception {
		String to = Fixtures.uniqueEmail("kofi", "accra.example");
		send(to, "Your request #41", "<p>Solved</p><script>alert(1)</script>", "text/html; charset=UTF-8");
		send(to, "Your request #42", "Plain answer", "text/plain; charset=UTF-8");

		List<SentMails.SentMail> mine = sentMails.newestFirst().stream().filter(m -> m.mailbox().equals(to)).toList();
		assertThat(mine).extracting(SentMails.SentMail::subject).containsExactly("Your request #42", "Your request #41");
		assertThat(mine.get(0).text()).isEqualTo("Plain answer");
		assertThat(mine.get(1).safeHtml()).contains("<p>Solved</p>").doesNotContain("script");
		assertThat(mine.get(0).headers()).anySatisfy(h -> assertThat(h[0]).isEqualTo("Subject"));
		assertThat(sentMails.newestFirst()).noneMatch(m -> m.mailbox().equals(MailSandbox.ADDRESS));
	}

	private void send(String to, String subject, String body, String type) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(sandbox.smtpPort()));
		MimeMessage mail = new MimeMessage(Session.getInstance(properties));
		mail.setFrom(new InternetAddress(MailSandbox.ADDRESS, "Support"));
		mail.setRecipients(Message.RecipientType.TO, to);
		mail.setSubject(subject, "UTF-8");
		mail.setContent(new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), type);
		Transport.send(mail);
	}

	private MimeMessage supportMail(String subject) throws Exception {
		long deadline = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < deadline) {
			for (MimeMessage mail : sandbox.receivedBy(MailSandbox.ADDRESS)) {
				if (subject.equals(mail.getSubject())) {
					return mail;
				}
			}
			java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
		}
		throw new AssertionError("No mail with subject " + subject + " reached " + MailSandbox.ADDRESS);
	}

	private void insertEmailMessage(long mailboxId, long ticketId, String direction, String messageId,
			java.time.Instant at) {
		jdbc.update("insert into email_messages (id, mailbox_id, ticket_id, direction, header_message_id, created_at) "
				+ "values (nextval('email_messages_seq'), ?, ?, ?, ?, ?)", mailboxId, ticketId, direction, messageId,
				Timestamp.from(at));
	}
}

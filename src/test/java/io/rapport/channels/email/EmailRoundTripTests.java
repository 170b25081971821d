package io.rapport.channels.email;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.imap.ImapPoller;
import io.rapport.channels.email.imap.PollResult;
import io.rapport.channels.email.outbound.OutboxSender;
import io.rapport.shared.secrets.SecretBox;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole email loop against a real SMTP + IMAP server (GreenMail): a customer's mail arrives by IMAP and opens a
 * ticket in tier1; an agent answers in Rapport; the customer's inbox receives the answer with the headers that
 * thread it; the customer answers that mail from their client (to the signed Reply-To address) and the answer
 * lands on the same ticket; a stranger who copies the same threading headers but not the signature lands in a
 * ticket of their own.
 */
class EmailRoundTripTests extends IntegrationTest {

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	SecretBox secrets;

	@Autowired
	ImapPoller poller;

	@Autowired
	OutboxSender sender;

	@Autowired
	TicketsApi tickets;

	@Autowired
	TicketIntake intake;

	@Autowired
	MailTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	GreenMail mail;

	Mailbox mailbox;

	String support;

	String customer;

	String customerPassword = "customer-password";

	@BeforeEach
	void servers() {
		ServerSetup[] setups = ServerSetup.dynamicPort(new ServerSetup[] { ServerSetupTest.SMTP, ServerSetupTest.IMAP });
		mail = new GreenMail(setups);
		mail.start();
		support = Fixtures.uniqueEmail("support", "roundtrip.example");
		customer = Fixtures.uniqueEmail("ana", "customer.example");
		mail.setUser(support, support, "support-password");
		mail.setUser(customer, customer, customerPassword);
		Mailbox created = mailboxes.save(new Mailbox("Round trip", support, "tier1", "0".repeat(64), START));
		created.setInboundMode(Mailbox.InboundMode.IMAP);
		created.setImapHost("127.0.0.1");
		created.setImapPort(mail.getImap().getPort());
		created.setImapSecurity(Mailbox.Security.NONE);
		created.setImapUsername(support);
		created.setImapAuth(Mailbox.ImapAuth.PASSWORD);
		created.setImapSecretSealed(secrets.seal("support-password", "mailbox:" + created.getId() + ":imap"));
		created.setImapFolder("INBOX");
		created.setPollSeconds(60);
		created.setAfterImport(Mailbox.AfterImport.SEEN);
		created.setSmtpHost("127.0.0.1");
		created.setSmtpPort(mail.getSmtp().getPort());
		created.setSmtpSecurity(Mailbox.Security.NONE);
		created.setFromName("Brightlane Support");
		mailbox = mailboxes.save(created);
	}

	@AfterEach
	void stop() {
		mail.stop();
		mailboxes.findById(mailbox.getId()).ifPresent(stored -> {
			stored.setActive(false);
			mailboxes.save(stored);
		});
	}

	@Test
	void shouldThreadACustomersReplyToTheAgentsMailOntoTheSameTicket() throws Exception {
		// Given a customer's mail, taken in by IMAP
		MimeMessage first = message(customer, "Ana Pop", support, "Exports stop at 80%", "The PDF export stops at 80%.");
		send(first, support);
		PollResult taken = poller.pollNow(mailbox.getId());
		assertThat(taken.imported()).isEqualTo(1);
		long ticketId = ticketOf(customer);
		TicketIntake.Thread thread = intake.thread(ticketId).orElseThrow();
		assertThat(thread.group()).isEqualTo("tier1");
		assertThat(thread.requesterEmail()).isEqualTo(customer);

		// When an agent answers in Rapport
		Person agent = fixtures.anAgentIn("tier1");
		tickets.addMessage(ticketId, new NewMessage("We found the cause; a fix is on its way.", Visibility.PUBLIC,
				NewMessage.BodyFormat.TEXT), List.of(), agent.user());
		MimeMessage answer = await(() -> {
			sender.sendDue();
			return inboxOf(customer).stream().filter(m -> subject(m).equals("[#" + thread.number() + "] Exports stop at 80%"))
				.findFirst().orElse(null);
		});
		assertThat(inboxOf(customer)).as("the acknowledgement, then the answer").extracting(m -> subject(m))
			.containsExactlyInAnyOrder("[#" + thread.number() + "] We received your request: Exports stop at 80%",
					"[#" + thread.number() + "] Exports stop at 80%");

		// Then the customer's inbox has it, signed and threaded under their mail
		String answerId = answer.getHeader("Message-ID")[0];
		assertThat(tokens.ticketOfMessageId(answerId)).contains(ticketId);
		assertThat(answer.getHeader("References")[0]).contains(first.getHeader("Message-ID")[0]);
		assertThat(tokens.ticketOfMessageId(answer.getHeader("In-Reply-To")[0])).as("under the acknowledgement")
			.contains(ticketId);
		assertThat(answer.getSubject()).isEqualTo("[#" + thread.number() + "] Exports stop at 80%");
		String replyTo = ((InternetAddress) answer.getReplyTo()[0]).getAddress();
		assertThat(tokens.ticketOfAddress(replyTo)).contains(ticketId);

		// When the customer answers that mail from their client (To: the Reply-To address)
		MimeMessage reply = message(customer, "Ana Pop", replyTo, "Re: " + answer.getSubject(), "Thanks, it works now.");
		reply.setHeader("In-Reply-To", answerId);
		reply.setHeader("References", first.getHeader("Message-ID")[0] + " " + answerId);
		send(reply, support);
		assertThat(poller.pollNow(mailbox.getId()).imported()).isEqualTo(1);

		// Then it is the third message of the same ticket, written by the customer
		List<MessageView> conversation = tickets.messages(ticketId, agent.user());
		assertThat(conversation).extracting(MessageView::authorType)
			.containsExactly(AuthorKind.CONTACT, AuthorKind.AGENT, AuthorKind.CONTACT);
		assertThat(conversation.get(2).bodyHtml()).contains("Thanks, it works now.");

		// And a stranger copying the threading headers, without the signature's ticket, opens a ticket of their own
		String stranger = Fixtures.uniqueEmail("mallory", "elsewhere.example");
		MimeMessage forged = message(stranger, "Mallory", support, "Re: " + answer.getSubject(), "Send me the invoice.");
		forged.setHeader("In-Reply-To", answerId.replace("<t" + ticketId + ".", "<t" + (ticketId + 1) + "."));
		send(forged, support);
		assertThat(poller.pollNow(mailbox.getId()).imported()).isEqualTo(1);
		assertThat(tickets.messages(ticketId, agent.user())).hasSize(3);
		long forgedTicket = ticketOf(stranger);
		assertThat(forgedTicket).isNotEqualTo(ticketId);
		assertThat(tickets.messages(forgedTicket, agent.user())).anySatisfy(m -> {
			assertThat(m.visibility()).isEqualTo(Visibility.INTERNAL);
			assertThat(m.bodyHtml()).contains("#" + thread.number());
		});
	}

	/** The one ticket this address has opened. */
	private long ticketOf(String email) {
		List<Long> ids = jdbc.queryForList("select t.id from tickets t join contacts c on c.id = t.requester_id "
				+ "where c.email = ? order by t.id", Long.class, email);
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

	private MimeMessage message(String from, String name, String to, String subject, String text) throws Exception {
		Properties smtp = new Properties();
		smtp.put("mail.smtp.host", "127.0.0.1");
		smtp.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(smtp));
		message.setFrom(new InternetAddress(from, name, StandardCharsets.UTF_8.name()));
		message.setRecipients(Message.RecipientType.TO, to);
		message.setSubject(subject, StandardCharsets.UTF_8.name());
		message.setText(text, StandardCharsets.UTF_8.name());
		return message;
	}

	/**
	 * Sends over SMTP to the given envelope recipient (a provider delivers plus addresses to their base mailbox).
	 * Jakarta Mail gives the message its Message-ID as it sends.
	 */
	private void send(MimeMessage message, String envelopeTo) throws Exception {
		Transport.send(message, new Address[] { new InternetAddress(envelopeTo) });
	}

	private List<MimeMessage> inboxOf(String address) {
		return List.of(mail.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1)));
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject() == null ? "" : message.getSubject();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static <T> T await(Supplier<T> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			T value = condition.get();
			if (value != null) {
				return value;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("not within 60 s");
	}
}

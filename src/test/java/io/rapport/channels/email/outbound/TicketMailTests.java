package io.rapport.channels.email.outbound;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.Bounces;
import io.rapport.channels.email.MailTokens;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import io.rapport.identity.internal.AgentProfiles;
import io.rapport.shared.PendingPublications;
import io.rapport.tickets.BulkChange;
import io.rapport.tickets.Channel;
import io.rapport.tickets.InboundMessage;
import io.rapport.tickets.MessageAnnotation;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Ticket mail end to end: a customer's mail opens a ticket in a mailbox, an agent answers in Rapport, and the
 * customer's GreenMail inbox receives the reply with the headers that thread it; CCs are copied; notes and
 * messages written on a customer's behalf stay in Rapport; solving mails the requester in their language; agents
 * get the notices they opted in to; the ticket page's delivery line offers a retry.
 */
class TicketMailTests extends IntegrationTest {

	@Autowired
	AgentProfiles profiles;

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketsApi tickets;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OutboxSender sender;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxAnnotations annotations;

	@Autowired
	AgentMailSettings agentSettings;

	@Autowired
	Bounces bounces;

	@Autowired
	MailTokens tokens;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MockMvc mvc;

	GreenMail smtp;

	TestMailboxes boxes;

	Mailbox mailbox;

	Person agent;

	@BeforeEach
	void setUp() {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		boxes = new TestMailboxes(mailboxes);
		mailbox = boxes.sendingTo(smtp.getSmtp().getPort(), false);
		agent = fixtures.anAgentIn("tier1");
	}

	@AfterEach
	void tearDown() {
		smtp.stop();
		boxes.deactivateAll();
	}

	@Test
	void shouldMailAnAgentsReplyThreadedUnderTheCustomersMail() throws Exception {
		String customer = Fixtures.uniqueEmail("ana", "pop.example");
		String cc = Fixtures.uniqueEmail("radu", "pop.example");
		EmailTicket ticket = emailTicket(customer, List.of(cc), null);

		long first = reply(ticket.id(), "We corrected the invoice.");
		MimeMessage mail = received(customer, first);
		assertThat(mail.getSubject()).isEqualTo("[#" + ticket.number() + "] Invoice is wrong");
		assertThat(tokens.ticketOfMessageId(header(mail, "Message-ID"))).contains(ticket.id());
		assertThat(header(mail, "In-Reply-To")).isEqualTo("<" + ticket.customerMessageId() + ">");
		assertThat(header(mail, "References")).contains("<" + ticket.customerMessageId() + ">");
		assertThat(mail.getReplyTo()[0].toString()).isEqualTo(tokens.replyAddress(ticket.id(), mailbox.getAddress()));
		assertThat(Base64.getDecoder().decode(header(mail, "Thread-Index"))).hasSize(22);
		assertThat(mail.getHeader("Auto-Submitted")).isNull();
		assertThat(mail.getFrom()[0].toString()).contains(agent.user().name() + " at Brightlane");
		assertThat(Arrays.toString(mail.getRecipients(Message.RecipientType.CC))).contains(cc);
		assertThat(smtp.getReceivedMessagesForDomain("pop.example")).hasSize(2);
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("We corrected the invoice.").contains("My invoice is wrong");

		long second = reply(ticket.id(), "And we refunded the difference.");
		MimeMessage next = received(customer, second);
		String firstId = header(mail, "Message-ID");
		assertThat(header(next, "In-Reply-To")).isEqualTo(firstId);
		assertThat(header(next, "References").replaceAll("\\s+", " "))
			.isEqualTo("<" + ticket.customerMessageId() + "> " + firstId);
		byte[] index = Base64.getDecoder().decode(header(next, "Thread-Index"));
		assertThat(index).hasSize(27);
		assertThat(Arrays.copyOf(index, 22)).isEqualTo(Base64.getDecoder().decode(header(mail, "Thread-Index")));
	}

	@Test
	void shouldNotMailNotesOrMessagesWrittenOnTheCustomersBehalf() throws Exception {
		String customer = Fixtures.uniqueEmail("ioana", "pop.example");
		EmailTicket ticket = emailTicket(customer, List.of(), null);
		long note = tickets.addMessage(ticket.id(), new NewMessage("Internal: check the ledger", Visibility.INTERNAL,
				NewMessage.BodyFormat.TEXT), List.of(), agent.user()).id();
		long onBehalf = intake.receive(new InboundMessage("phone", null, Channel.PHONE, ticket.id(), customer, null,
				agent.id(), null, "Customer called: the invoice is still wrong", null, List.of())).messageId();
		long reply = reply(ticket.id(), "We are on it.");

		received(customer, reply);
		awaitListenersDone(ticket.id());
		assertThat(outbox.forMessages(ticket.id(), List.of(note, onBehalf))).isEmpty();
		assertThat(outbox.forMessages(ticket.id(), List.of(reply))).hasSize(1);
	}

	@Test
	void shouldMailTheSolvedNoticeInTheRequestersLanguage() throws Exception {
		String customer = Fixtures.uniqueEmail("mihai", "pop.example");
		EmailTicket ticket = emailTicket(customer, List.of(), Locale.forLanguageTag("ro"));
		tickets.reply(ticket.id(), new NewMessage("Gata, am rezolvat.", Visibility.PUBLIC, NewMessage.BodyFormat.TEXT),
				List.of(), TicketStatus.SOLVED, agent.user());

		OutboundMail solved = await(() -> kind(ticket.id(), OutboundMail.Kind.SOLVED));
		assertThat(solved.subject()).isEqualTo("[#" + ticket.number() + "] Cererea a fost rezolvată: Invoice is wrong");
		sender.sendDue();
		MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> header(m, "Message-ID").equals("<" + solved.messageId() + ">")).findFirst().orElseThrow();
		assertThat(header(mail, "Auto-Submitted")).isEqualTo("auto-replied");
	}

	@Test
	void shouldMailAgentsOnlyTheNoticesTheyOptedInTo() throws Exception {
		Person wants = fixtures.anAgentIn("tier1");
		Person quiet = fixtures.anAgentIn("tier1");
		agentSettings.save(wants.id(), new AgentMailSettings.Settings(false, true, false));
		EmailTicket ticket = emailTicket(Fixtures.uniqueEmail("lars", "fjord.example"), List.of(), null);
		Person admin = fixtures.anAdmin();

		tickets.bulkChange(List.of(ticket.id()), new BulkChange(quiet.id(), false, null, null, null, null, null, null),
				admin.user());
		tickets.bulkChange(List.of(ticket.id()), new BulkChange(wants.id(), false, null, null, null, null, null, null),
				admin.user());

		OutboundMail notice = await(() -> kind(ticket.id(), OutboundMail.Kind.AGENT_NOTICE));
		awaitListenersDone(ticket.id());
		assertThat(outbox.recent(null, 50).stream().filter(m -> ticket.id() == nullToZero(m.ticketId()))
			.filter(m -> m.kind() == OutboundMail.Kind.AGENT_NOTICE).map(OutboundMail::to))
			.containsExactly(List.of(wants.email()));
		assertThat(notice.subject()).startsWith("[#" + ticket.number() + "] Assigned to you");
		assertThat(notice.autoSubmitted()).isEqualTo("auto-generated");
	}

	@Test
	void shouldAcknowledgeACustomersTicketAndTellTheAgentsWhoAskedForEveryNewTicket() throws Exception {
		Mailbox answering = boxes.sendingTo(smtp.getSmtp().getPort(), true);
		Person wants = fixtures.anAgentIn("tier1");
		agentSettings.save(wants.id(), new AgentMailSettings.Settings(true, false, false));
		Person customer = fixtures.aCustomer();
		try {
			TicketView ticket = fixtures.aTicketFrom(customer, "Invoices are missing");

			OutboundMail received = await(() -> kind(ticket.id(), OutboundMail.Kind.RECEIVED));
			OutboundMail notice = await(() -> kind(ticket.id(), OutboundMail.Kind.AGENT_NOTICE));
			assertThat(received.to()).containsExactly(customer.email());
			assertThat(received.mailboxId()).isEqualTo(answering.getId());
			assertThat(notice.to()).containsExactly(wants.email());
		}
		finally {
			agentSettings.save(wants.id(), AgentMailSettings.Settings.NONE);
		}
	}

	@Test
	void shouldStoreNoPublicationForANewTicketThatConcernsNobodysMail() {
		Person customer = fixtures.aCustomer();
		Person admin = fixtures.anAdmin();
		// an agent writes for the customer (no acknowledgement) and nobody here asked for every new ticket
		int stored = new TransactionTemplate(transactions).execute(tx -> {
			tickets.create(new NewTicket("Phone call", "Called about invoices",
					new NewTicket.Requester(customer.email(), null), null, null, null, List.of()), admin.user());
			tx.setRollbackOnly();
			return PendingPublications.forListener("MailNotifications");
		});

		assertThat(stored).isZero();
	}

	@Test
	void shouldDeliverANewTicketsPublicationEvenWhenTheSettingThatStoredItChangedBeforeDelivery() {
		Person wants = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomer();
		Person admin = fixtures.anAdmin();
		agentSettings.save(wants.id(), new AgentMailSettings.Settings(true, false, false));
		// decided as the ticket is created (someone wants every new ticket); the agent opts out before delivery
		long ticketId = new TransactionTemplate(transactions).execute(tx -> {
			long id = tickets.create(new NewTicket("Phone call", "Called about invoices",
					new NewTicket.Requester(customer.email(), null), null, null, null, List.of()), admin.user()).id();
			agentSettings.save(wants.id(), AgentMailSettings.Settings.NONE);
			return id;
		});

		awaitListenersDone(ticketId);
		assertThat(jdbc.queryForObject("select count(*) from event_publication where listener_id like ? "
				+ "and serialized_event like ?", Integer.class, "%MailNotifications%", "%\"ticketId\":" + ticketId + ",%"))
			.isEqualTo(1);
		assertThat(kind(ticketId, OutboundMail.Kind.AGENT_NOTICE)).isNull();
	}

	@Test
	void shouldMailAnAgentsNoticeInTheLanguageOfTheirProfile() throws Exception {
		Person ioana = fixtures.anAgentIn("tier1");
		profiles.update(ioana.id(), "Ioana", "ro", null);
		agentSettings.save(ioana.id(), new AgentMailSettings.Settings(false, true, false));
		EmailTicket ticket = emailTicket(Fixtures.uniqueEmail("ana", "lac.example"), List.of(), null);

		tickets.bulkChange(List.of(ticket.id()), new BulkChange(ioana.id(), false, null, null, null, null, null, null),
				fixtures.anAdmin().user());

		OutboundMail notice = await(() -> kind(ticket.id(), OutboundMail.Kind.AGENT_NOTICE));
		assertThat(notice.subject()).startsWith("[#" + ticket.number() + "] Vă este atribuit");
	}

	@Test
	void shouldShowTheDeliveryUnderTheMessageAndRetryABouncedMail() throws Exception {
		String customer = Fixtures.uniqueEmail("mei", "lotus.example");
		EmailTicket ticket = emailTicket(customer, List.of(), null);
		long reply = reply(ticket.id(), "Here is your answer.");
		received(customer, reply);
		OutboundMail row = outbox.forMessages(ticket.id(), List.of(reply)).get(0);
		assertThat(line(ticket.id(), reply).text()).contains("Emailed to " + customer).contains("sent");

		bounces.recordBounce(row.messageId(), customer, "550 5.1.1 mailbox unavailable");
		mvc.perform(get("/tickets/{id}", ticket.id()).with(signedInAs(agent)))
			.andExpect(content().string(containsString("bounced: " + customer)))
			.andExpect(content().string(containsString("/tickets/" + ticket.id() + "/mails/" + row.id() + "/retry")));
		MessageAnnotation bounced = line(ticket.id(), reply);
		assertThat(bounced.tone()).isEqualTo("warning");
		assertThat(bounced.text()).contains("bounced: " + customer + ": 550 5.1.1 mailbox unavailable");

		mvc.perform(post(bounced.actionUrl()).with(csrf()).with(signedInAs(agent)))
			.andExpect(redirectedUrl("/tickets/" + ticket.id()));
		assertThat(outbox.find(row.id()).orElseThrow().status()).isEqualTo(OutboundMail.Status.QUEUED);
		assertThat(line(ticket.id(), reply).actionUrl()).isNull();
	}

	private MessageAnnotation line(long ticketId, long messageId) {
		return annotations.annotate(ticketId, List.of(messageId), Locale.ENGLISH).get(messageId).get(0);
	}

	private EmailTicket emailTicket(String customer, List<String> ccs, Locale locale) {
		String messageId = "c" + System.nanoTime() + "@pop.example";
		TicketIntake.Received received = intake.receive(new InboundMessage("email:" + mailbox.getId(), messageId,
				Channel.EMAIL, null, customer, "Ana Pop", null, "Invoice is wrong", "My invoice is wrong.",
				null, List.of(), "tier1", ccs, false, null, null, locale));
		jdbc.update("insert into email_messages (id, mailbox_id, ticket_id, ticket_message_id, direction, "
				+ "header_message_id, created_at) values (nextval('email_messages_seq'), ?, ?, ?, 'IN', ?, ?)",
				mailbox.getId(), received.ticketId(), received.messageId(), messageId, Outbox.at(clock.instant()));
		long number = intake.thread(received.ticketId()).orElseThrow().number();
		return new EmailTicket(received.ticketId(), number, messageId);
	}

	private long reply(long ticketId, String text) {
		return tickets.addMessage(ticketId, new NewMessage(text, Visibility.PUBLIC, NewMessage.BodyFormat.TEXT),
				List.of(), agent.user()).id();
	}

	/** Waits for the reply's outbox row, sends it and answers what the customer's inbox got. */
	private MimeMessage received(String to, long messageId) throws Exception {
		OutboundMail row = await(() -> outbox.forMessages(outboxTicket(messageId), List.of(messageId)).stream()
			.findFirst().orElse(null));
		sender.sendDue();
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		return Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> header(m, "Message-ID").equals("<" + row.messageId() + ">"))
			.filter(m -> Arrays.toString(recipients(m)).contains(to)).findFirst().orElseThrow();
	}

	private long outboxTicket(long messageId) {
		return jdbc.queryForList("select ticket_id from outbound_mails where ticket_message_id = ?", Long.class,
				messageId).stream().findFirst().orElse(-1L);
	}

	private OutboundMail kind(long ticketId, OutboundMail.Kind kind) {
		return outbox.recent(null, 200).stream().filter(m -> ticketId == nullToZero(m.ticketId()))
			.filter(m -> m.kind() == kind).findFirst().orElse(null);
	}

	/**
	 * Every event publication about the ticket has been handled: what was not queued by now never will be. (Only
	 * this ticket's: a publication another test left failing waits a minute for its redelivery.)
	 */
	private void awaitListenersDone(long ticketId) {
		await(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
				+ "and (serialized_event like ? or serialized_event like ?)", Long.class,
				"%\"ticketId\":" + ticketId + ",%", "%\"ticketId\":" + ticketId + "}%") == 0 ? Boolean.TRUE : null);
	}

	private static <T> T await(Supplier<T> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		T value = condition.get();
		while (value == null && System.nanoTime() < deadline) {
			Thread.onSpinWait();
			value = condition.get();
		}
		assertThat(value).as("awaited condition").isNotNull();
		return value;
	}

	private static long nullToZero(Long value) {
		return value == null ? 0 : value;
	}

	private static String header(MimeMessage m, String name) {
		try {
			String[] values = m.getHeader(name);
			return values == null ? "" : values[0];
		}
		catch (Exception e) {
			return "";
		}
	}

	private static Object[] recipients(MimeMessage m) {
		try {
			return m.getAllRecipients();
		}
		catch (Exception e) {
			return new Object[0];
		}
	}

	record EmailTicket(long id, long number, String customerMessageId) {
	}
}

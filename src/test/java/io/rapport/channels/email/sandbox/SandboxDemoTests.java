package io.rapport.channels.email.sandbox;

import java.time.Instant;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewContact;
import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailIngest.IngestResult;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.RapportProperties;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's mails go through the real pipeline into a mailbox of the test's own (the shared context has no sandbox
 * and no demo, so the runner is built by hand): a thread with the agent's reply, an out-of-office answer and the
 * customer's answer; a GB18030 mail with quoted history; an ISO-8859-2 mail with a PDF and a CC; a stranger's claim.
 * A second start adds nothing.
 */
class SandboxDemoTests extends IntegrationTest {

	@Autowired
	RapportProperties properties;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	MailIngest ingest;

	@Autowired
	AccountsApi accounts;

	@Autowired
	IdentityApi identity;

	@Autowired
	TicketsApi tickets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixtures fixtures;

	SandboxDemo demo;

	Mailbox mailbox;

	AuthenticatedUser reader;

	@BeforeEach
	void aMailboxAndPeople() {
		demo = new SandboxDemo(properties, mailboxes, ingest, accounts, identity, tickets, jdbc, clock);
		long n = System.nanoTime();
		mailbox = mailboxes.save(new Mailbox("Demo " + n, "support@demo" + n + ".example", GroupView.TIER1,
				"0".repeat(64), Instant.parse("2026-03-01T00:00:00Z")));
		fixtures.anAgentIn(GroupView.TIER1);
		reader = fixtures.anAdmin().user();
		accounts.createContact(new NewContact("emily.smith@" + n + ".northwind-logistics.example", "Emily Smith", null,
				null));
		accounts.createContact(new NewContact("fang.wang@" + n + ".lotusgarden.example", "王芳", null, null));
		accounts.createContact(new NewContact("stefan.munteanu@" + n + ".carpathia-software.example",
				"Ștefan Munteanu", null, null));
	}

	@Test
	void shouldMakeEmailTicketsWithRealThreadsThroughThePipeline() {
		List<IngestResult> results = demo.feed(mailbox.getId());

		assertThat(results).extracting(IngestResult::outcome).containsExactly(MailOutcome.CREATED,
				MailOutcome.APPENDED, MailOutcome.APPENDED, MailOutcome.CREATED, MailOutcome.CREATED,
				MailOutcome.CREATED);
		long thread = results.get(0).ticketId();
		assertThat(results.get(1).ticketId()).isEqualTo(thread);
		assertThat(results.get(2).ticketId()).isEqualTo(thread);
		TicketView first = tickets.get(thread, reader);
		assertThat(first.subject()).isEqualTo(DemoMails.FIRST_SUBJECT);
		assertThat(first.status()).as("the customer answered the agent's reply").isEqualTo(TicketStatus.OPEN);
		List<MessageView> messages = tickets.messages(thread, reader).stream()
			.filter(m -> m.visibility() == Visibility.PUBLIC).toList();
		assertThat(messages).extracting(MessageView::authorType).containsExactly(AuthorKind.CONTACT, AuthorKind.AGENT,
				AuthorKind.CONTACT, AuthorKind.CONTACT);
		assertThat(messages).extracting(MessageView::autoReply).containsExactly(false, false, true, false);
		assertThat(messages.get(3).bodyHtml()).contains("Fit to: timeline");

		TicketView claim = tickets.get(results.get(3).ticketId(), reader);
		assertThat(claim.id()).isNotEqualTo(thread);
		assertThat(claim.requester().email()).isEqualTo("m.bell@quarry-supplies.example");
		assertThat(tickets.messages(claim.id(), reader)).anySatisfy(m -> {
			assertThat(m.visibility()).isEqualTo(Visibility.INTERNAL);
			assertThat(m.bodyHtml()).contains("#" + first.number());
		});

		TicketView chinese = tickets.get(results.get(4).ticketId(), reader);
		assertThat(chinese.subject()).isEqualTo("甘特图导出 PDF 后中文变成方块");
		MessageView chineseMail = tickets.messages(chinese.id(), reader).get(0);
		assertThat(chineseMail.bodyHtml()).contains("缺少中文字体", "src=\"https://img.jaderiver-cdn.example/")
			.doesNotContain("客户明天要看项目进度");
		assertThat(chineseMail.quotedHtml()).contains("客户明天要看项目进度");

		TicketView romanian = tickets.get(results.get(5).ticketId(), reader);
		assertThat(romanian.subject()).isEqualTo("Factura din noiembrie - TVA greşit");
		assertThat(romanian.ccs()).anySatisfy(cc -> assertThat(cc).startsWith("contabilitate@"));
		MessageView romanianMail = tickets.messages(romanian.id(), reader).get(0);
		assertThat(romanianMail.bodyHtml()).contains("trimiteţi o factură corectată");
		assertThat(romanianMail.attachments()).singleElement()
			.satisfies(file -> assertThat(file.filename()).isEqualTo("BL-2026-1187.pdf"));
	}

	@Test
	void shouldAddNothingOnASecondStart() {
		assertThat(demo.feed(mailbox.getId())).hasSize(6);
		int mails = inboundMails();

		assertThat(demo.feed(mailbox.getId())).isEmpty();
		assertThat(inboundMails()).isEqualTo(mails);
	}

	@Test
	void shouldLeaveAMailboxThatReceivedMailAlone() {
		ingest.ingest(mailbox.getId(), ("From: someone@else.example\r\nTo: " + mailbox.getAddress()
				+ "\r\nSubject: Hello\r\nMessage-ID: <hello." + System.nanoTime() + "@else.example>\r\n\r\nHi\r\n")
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

		assertThat(demo.feed(mailbox.getId())).isEmpty();
		assertThat(inboundMails()).isEqualTo(1);
	}

	private int inboundMails() {
		return jdbc.queryForObject("select count(*) from inbound_mails where mailbox_id = ?", Integer.class,
				mailbox.getId());
	}
}

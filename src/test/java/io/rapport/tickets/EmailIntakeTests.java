package io.rapport.tickets;

import java.util.List;
import java.util.Locale;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.TicketIntake.PublicMessage;
import io.rapport.tickets.TicketIntake.Received;
import io.rapport.tickets.TicketIntake.Thread;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the email channel hands to and reads from {@link TicketIntake}, stored and read back. */
@RecordApplicationEvents
class EmailIntakeTests extends IntegrationTest {

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketsApi tickets;

	@Autowired
	AccountsApi accounts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationEvents events;

	static InboundMessage mail(String from, Long ticketId, String body, String group, List<String> ccs,
			boolean autoReply, String note, String quoted, Locale locale, Upload... files) {
		return new InboundMessage("email:support@rapport.test", "<" + System.nanoTime() + "@mail.example>",
				Channel.EMAIL, ticketId, from, "Mara Ionescu", null, "Invoice is wrong", body,
				NewMessage.BodyFormat.HTML, List.of(files), group, ccs, autoReply, note, quoted, locale);
	}

	static InboundMessage mail(String from, Long ticketId, String body) {
		return mail(from, ticketId, body, null, List.of(), false, null, null, null);
	}

	@Test
	void shouldOpenInTheMailboxsGroupWithTheCopiedAddressesAndTellTheThread() {
		String from = Fixtures.uniqueEmail("Mara", "pop.example");
		Received opened = intake.receive(mail(from, null, "<p>Hello</p>", "tier2",
				List.of(" Lars@Pop.Example ", from.toUpperCase(Locale.ROOT), "lars@pop.example", "not an address",
						"ioana@pop.example"),
				false, null, null, Locale.forLanguageTag("ro-RO")));

		Thread thread = intake.thread(opened.ticketId()).orElseThrow();
		assertThat(thread.group()).isEqualTo("tier2");
		assertThat(thread.requesterEmail()).isEqualTo(from.toLowerCase(Locale.ROOT));
		assertThat(thread.requesterName()).isEqualTo("Mara Ionescu");
		assertThat(thread.requesterLocale()).isEqualTo(Locale.forLanguageTag("ro"));
		assertThat(thread.ccs()).containsExactly("ioana@pop.example", "lars@pop.example");
		assertThat(thread.status()).isEqualTo(TicketStatus.NEW);
		assertThat(thread.hasParticipant("LARS@pop.example")).isTrue();
		assertThat(intake.threadByNumber(thread.number())).contains(thread);
		assertThat(intake.thread(-5)).isEmpty();

		intake.receive(mail(from, opened.ticketId(), "<p>Also</p>", null, List.of("ioana@pop.example", "x@pop.example"),
				false, null, null, Locale.ENGLISH));
		Thread after = intake.thread(opened.ticketId()).orElseThrow();
		assertThat(after.ccs()).containsExactly("ioana@pop.example", "lars@pop.example", "x@pop.example");
		assertThat(after.requesterLocale()).as("a known language is kept").isEqualTo(Locale.forLanguageTag("ro"));
	}

	@Test
	void shouldRefuseAGroupThatDoesNotExist() {
		assertThatThrownBy(() -> intake.receive(mail(Fixtures.uniqueEmail("m", "pop.example"), null, "<p>Hi</p>",
				"no-such-group", List.of(), false, null, null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("group"));
	}

	@Test
	void shouldKeepAnAutomaticReplyWithoutReopeningTheSolvedTicket() {
		Person agent = fixtures.anAgentIn("tier1");
		String from = Fixtures.uniqueEmail("mara", "pop.example");
		Received opened = intake.receive(mail(from, null, "<p>Help</p>"));
		TicketView ticket = tickets.get(opened.ticketId(), agent.user());
		tickets.update(ticket.id(), new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null,
				ticket.version()), agent.user());

		Received away = intake.receive(mail(from, ticket.id(), "<p>I am out of office.</p>", null, List.of(), true,
				null, null, null));

		assertThat(tickets.get(ticket.id(), agent.user()).status()).isEqualTo(TicketStatus.SOLVED);
		assertThat(tickets.messages(ticket.id(), agent.user())).last().satisfies(m -> assertThat(m.autoReply()).isTrue());
		assertThat(events.stream(MessagePosted.class).filter(e -> e.messageId() == away.messageId()))
			.singleElement().satisfies(e -> assertThat(e.autoReply()).isTrue());
		assertThat(events.stream(TicketReopened.class).filter(e -> e.ticketId() == ticket.id())).isEmpty();
	}

	@Test
	void shouldAddTheSystemsNoteAfterTheFirstMessageAndKeepTheQuotedPartApart() {
		Person agent = fixtures.anAgentIn("tier1");
		Received opened = intake.receive(mail(Fixtures.uniqueEmail("mara", "pop.example"), null, "<p>New text</p>",
				null, List.of(), false, "Claimed to be a reply to #123.", "<blockquote>Old text<script>x</script></blockquote>",
				null));

		List<MessageView> conversation = tickets.messages(opened.ticketId(), agent.user());
		assertThat(conversation).hasSize(2);
		assertThat(conversation.get(0).bodyHtml()).contains("New text").doesNotContain("Old text");
		assertThat(conversation.get(0).quotedHtml()).contains("Old text").doesNotContain("script");
		assertThat(conversation.get(1).authorType()).isEqualTo(AuthorKind.SYSTEM);
		assertThat(conversation.get(1).visibility()).isEqualTo(Visibility.INTERNAL);
		assertThat(conversation.get(1).bodyHtml()).contains("Claimed to be a reply to #123.");
		assertThat(intake.publicConversation(opened.ticketId())).singleElement()
			.satisfies(m -> assertThat(m.bodyText()).isEqualTo("New text"));
	}

	@Test
	void shouldShowInlineImagesFromTheReadersSideAndNotListThemAgain() {
		Person agent = fixtures.anAgentIn("tier1");
		String from = Fixtures.uniqueEmail("mara", "pop.example");
		Upload logo = new Upload("logo.png", "image/png", new byte[] { 1, 2, 3 }, "<logo@mail.example>");
		Upload unused = new Upload("chart.png", "image/png", new byte[] { 4, 5 }, "chart@mail.example");
		Upload pdf = new Upload("invoice.pdf", "application/pdf", "%PDF".getBytes());
		Received opened = intake.receive(mail(from, null,
				"<p>See <img src=\"cid:logo@mail.example\" alt=\"logo\"> and <img src=\"data:image/png;base64,AAAA\"></p>",
				null, List.of(), false, null, null, null, logo, unused, pdf));

		MessageView forAgent = tickets.messages(opened.ticketId(), agent.user()).get(0);
		long logoId = intake.publicConversation(opened.ticketId()).get(0).attachments().stream()
			.filter(a -> "logo@mail.example".equals(a.contentId())).findFirst().orElseThrow().id();
		assertThat(forAgent.bodyHtml()).contains("src=\"/attachments/" + logoId + "\"")
			.contains("data:image/png;base64,AAAA");
		assertThat(forAgent.attachments()).extracting(AttachmentView::filename)
			.containsExactlyInAnyOrder("chart.png", "invoice.pdf");

		long requester = tickets.get(opened.ticketId(), agent.user()).requester().id();
		var customer = io.rapport.identity.AuthenticatedUser.contact(requester, from, "Mara Ionescu");
		assertThat(tickets.messages(opened.ticketId(), customer).get(0).bodyHtml())
			.contains("src=\"/portal/attachments/" + logoId + "\"");
	}

	@Test
	void shouldGiveChannelsThePublicConversationAndOnlyItsFiles() {
		Person agent = fixtures.anAgentIn("tier1");
		String from = Fixtures.uniqueEmail("mara", "pop.example");
		Received opened = intake.receive(mail(from, null, "<p>Hello <a href=\"https://acme.example/x\">here</a></p>",
				null, List.of(), false, null, null, null, new Upload("a.txt", "text/plain", "A".getBytes())));
		MessageView note = tickets.addMessage(opened.ticketId(), new NewMessage("Secret", Visibility.INTERNAL, null),
				List.of(new Upload("n.txt", "text/plain", "N".getBytes())), agent.user());
		tickets.addMessage(opened.ticketId(), new NewMessage("We are on it.", Visibility.PUBLIC, null), List.of(),
				agent.user());

		List<PublicMessage> conversation = intake.publicConversation(opened.ticketId());

		assertThat(conversation).extracting(PublicMessage::authorType)
			.containsExactly(AuthorKind.CONTACT, AuthorKind.AGENT);
		assertThat(conversation.get(0).authorName()).isEqualTo("Mara Ionescu");
		assertThat(conversation.get(0).bodyText()).isEqualTo("Hello here <https://acme.example/x>");
		assertThat(conversation.get(1).authorName()).isEqualTo(agent.user().name());
		long publicFile = conversation.get(0).attachments().get(0).id();
		assertThat(intake.publicAttachment(publicFile)).hasValueSatisfying(
				upload -> assertThat(new String(upload.content())).isEqualTo("A"));
		assertThat(intake.publicAttachment(note.attachments().get(0).id())).isEmpty();
	}

	@Test
	void shouldSetTheContactsLanguageOnlyWhenUnknownAndOnlyOneRapportSpeaks() {
		String from = Fixtures.uniqueEmail("mara", "pop.example");
		Received first = intake.receive(mail(from, null, "<p>x</p>", null, List.of(), false, null, null,
				Locale.JAPANESE));
		long contact = intake.thread(first.ticketId()).orElseThrow().requesterId();
		assertThat(accounts.contact(contact).orElseThrow().locale()).isNull();

		Received second = intake.receive(mail(from, first.ticketId(), "<p>y</p>", null, List.of(), false, null, null,
				Locale.CHINA));
		assertThat(accounts.contact(contact).orElseThrow().locale()).isEqualTo(Locale.forLanguageTag("zh"));
		assertThat(first.thread().requesterLocale()).isNull();
		assertThat(second.thread().requesterLocale()).isEqualTo(Locale.forLanguageTag("zh"));
		assertThat(accounts.setLocaleIfUnknown(contact, Locale.forLanguageTag("eo"))).isEmpty();
		assertThat(accounts.setLocale(contact, Locale.forLanguageTag("ta")).locale())
			.isEqualTo(Locale.forLanguageTag("ta"));
		assertThatThrownBy(() -> accounts.setLocale(contact, Locale.GERMAN))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("locale"));
	}
}

package io.rapport.tickets.internal;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Upload;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TicketPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	Person agent;

	TicketView ticket;

	@BeforeEach
	void aTicketInTier1() {
		agent = fixtures.anAgentIn("tier1");
		ticket = fixtures.aTicket();
	}

	@Test
	void shouldListTheViewsWithCountsAndTheTicket() throws Exception {
		mvc.perform(get("/tickets").param("view", "all").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ticket.subject())))
			.andExpect(content().string(containsString("My unsolved tickets")))
			.andExpect(content().string(containsString("Tier 1")))
			.andExpect(content().string(not(containsString("/admin/agents"))));
	}

	@Test
	void shouldFindATicketByNumber() throws Exception {
		mvc.perform(get("/tickets").param("view", "search").param("q", "#" + ticket.number()).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ticket.subject())));
	}

	@Test
	void shouldShowTheConversationWithNotesMarkedAsInternal() throws Exception {
		tickets.addMessage(ticket.id(), new NewMessage("Checked the logs.", Visibility.INTERNAL, null), List.of(),
				agent.user());
		mvc.perform(get("/tickets/{id}", ticket.id()).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("message-note")))
			.andExpect(content().string(containsString("Checked the logs.")))
			.andExpect(content().string(containsString("name=\"version\" value=\"" + ticket.version() + "\"")));
	}

	@Test
	void shouldOfferAFollowUpInsteadOfAReplyBoxOnAClosedTicket() throws Exception {
		TicketView solved = tickets.update(ticket.id(), new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null,
				ticket.version()), agent.user());
		tickets.update(ticket.id(), new TicketUpdate(TicketStatus.CLOSED, null, null, null, null, null, solved.version()),
				agent.user());

		mvc.perform(get("/tickets/{id}", ticket.id()).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This ticket is closed and takes no more replies.")))
			.andExpect(content().string(not(containsString("id=\"reply-body\""))));
	}

	@Test
	void shouldPersistAReplyPostedByTheForm() throws Exception {
		mvc.perform(multipart("/tickets/{id}/messages", ticket.id())
			.file(new MockMultipartFile("files", "steps.txt", "text/plain", "1. open 2. click".getBytes()))
			.param("body", "Try clearing the cache.").param("visibility", "PUBLIC").param("submitAs", "PENDING")
			.with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/tickets/" + ticket.id() + "*"));

		var messages = tickets.messages(ticket.id(), agent.user());
		assertThat(messages).last().satisfies(m -> {
			assertThat(m.bodyHtml()).contains("Try clearing the cache.");
			assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
			assertThat(m.attachments()).extracting("filename").containsExactly("steps.txt");
		});
		assertThat(tickets.get(ticket.id(), agent.user()).status().name()).isEqualTo("PENDING");
	}

	@Test
	void shouldAnswerAnHtmxReplyWithTheWorkspaceFragment() throws Exception {
		mvc.perform(post("/tickets/{id}/messages", ticket.id()).header("HX-Request", "true")
			.param("body", "A note for the team").param("visibility", "INTERNAL").with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"ticket\"")))
			.andExpect(content().string(containsString("A note for the team")))
			.andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void shouldShowAnErrorBesideAnEmptyReply() throws Exception {
		mvc.perform(post("/tickets/{id}/messages", ticket.id()).param("body", "  ").with(csrf())
			.with(signedInAs(agent)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Write a message before sending.")));
	}

	@Test
	void shouldUpdateFieldsWithTheCurrentVersion() throws Exception {
		mvc.perform(post("/tickets/{id}", ticket.id()).param("status", "OPEN").param("priority", "HIGH")
			.param("type", "INCIDENT").param("assignee", String.valueOf(agent.id())).param("tags", "login, sso")
			.param("version", String.valueOf(ticket.version())).with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isFound());

		TicketView updated = tickets.get(ticket.id(), agent.user());
		assertThat(updated.priority()).isEqualTo(TicketPriority.HIGH);
		assertThat(updated.assigneeId()).isEqualTo(agent.id());
		assertThat(updated.tags()).containsExactlyInAnyOrder("login", "sso");
	}

	@Test
	void shouldRefuseAStaleVersionAndSayWhy() throws Exception {
		// Given someone else changed the priority after this agent opened the ticket
		tickets.update(ticket.id(), new TicketUpdate(null, TicketPriority.URGENT, null, null, null, null,
				ticket.version()), fixtures.anAgentIn("tier1").user());

		// When the agent saves the form they read earlier
		mvc.perform(post("/tickets/{id}", ticket.id()).param("status", "OPEN").param("priority", "LOW")
			.param("type", "QUESTION").param("assignee", "").param("tags", "")
			.param("version", String.valueOf(ticket.version())).with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else updated this ticket")));

		// Then nothing they sent overwrote the other change
		assertThat(tickets.get(ticket.id(), agent.user()).priority()).isEqualTo(TicketPriority.URGENT);
	}

	@Test
	void shouldRequireAReasonToEscalate() throws Exception {
		mvc.perform(post("/tickets/{id}/escalations", ticket.id()).param("to", "tier2").param("reason", "")
			.with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Say why you escalate")));

		assertThat(tickets.get(ticket.id(), agent.user()).group()).isEqualTo("tier1");
	}

	@Test
	void shouldEscalateToTier2WithAReasonAndShowItInTheHistory() throws Exception {
		mvc.perform(post("/tickets/{id}/escalations", ticket.id()).param("to", "tier2")
			.param("reason", "Needs the worker logs").with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isFound());

		assertThat(tickets.get(ticket.id(), agent.user()).group()).isEqualTo("tier2");
		mvc.perform(get("/tickets/{id}", ticket.id()).with(signedInAs(agent)))
			.andExpect(content().string(containsString("Needs the worker logs")))
			.andExpect(content().string(containsString("Tier 2")));
	}

	@Test
	void shouldRenderStoredMarkupInert() throws Exception {
		TicketView hostile = tickets.create(new NewTicket("<script>alert('subject')</script>",
				"<p>Hi</p><script>alert('body')</script><img src=x onerror=alert('img')>",
				new NewTicket.Requester("mallory-" + System.nanoTime() + "@example.org", "<script>alert('name')</script>"),
				null, null, null, List.of("xss")), agent.user());

		for (String page : List.of("/tickets/" + hostile.id(), "/tickets?view=all")) {
			mvc.perform(get(page).with(signedInAs(agent)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<script>alert"))))
				.andExpect(content().string(not(org.hamcrest.Matchers.matchesPattern("(?s).*<[^>]*\\sonerror.*"))))
				.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;")));
		}
	}

	@Test
	void shouldRefuseAFormPostWithoutCsrfToken() throws Exception {
		mvc.perform(post("/tickets/{id}/messages", ticket.id()).param("body", "Hello").with(signedInAs(agent)))
			.andExpect(status().isForbidden());
		assertThat(tickets.messages(ticket.id(), agent.user())).hasSize(1);
	}

	@Test
	void shouldDownloadAttachmentsAsFilesNeverRendered() throws Exception {
		var message = tickets.addMessage(ticket.id(), new NewMessage("See file", Visibility.PUBLIC, null),
				List.of(new Upload("page.html", "text/html", "<script>alert(1)</script>".getBytes())), agent.user());
		mvc.perform(get("/attachments/{id}", message.attachments().get(0).id()).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")));
	}

	@Test
	void shouldShowTheNotFoundPageForAMissingTicket() throws Exception {
		mvc.perform(get("/tickets/{id}", 987_654_321L).accept(MediaType.TEXT_HTML).with(signedInAs(agent)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page not found")));
	}

	@Test
	void shouldCreateATicketForACustomerWhoPhoned() throws Exception {
		String email = "caller-" + System.nanoTime() + "@example.org";
		mvc.perform(post("/tickets/new").param("requesterEmail", email).param("requesterName", "Ioana")
			.param("subject", "Invoice shows the wrong VAT").param("description", "She called about invoice 42.")
			.param("type", "BILLING").param("priority", "HIGH").param("channel", "PHONE").param("tags", "vat")
			.with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/tickets/*"));

		mvc.perform(get("/tickets").param("view", "search").param("q", email).with(signedInAs(agent)))
			.andExpect(content().string(containsString("Invoice shows the wrong VAT")));
	}

	@Test
	void shouldShowFieldErrorsOnAnIncompleteNewTicket() throws Exception {
		mvc.perform(post("/tickets/new").param("requesterEmail", "not-an-email").param("subject", "")
			.param("description", "x").param("type", "NONSENSE").with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("field-error")))
			.andExpect(content().string(containsString("Choose one of the listed values.")));
	}

	@Test
	void shouldMoveToTheNextTicketInTheView() throws Exception {
		TicketView older = ticket;
		TicketView newer = fixtures.aTicket();
		mvc.perform(get("/tickets/{id}/next", newer.id()).param("view", "all").with(signedInAs(agent)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/tickets/" + older.id() + "?view=all"));
	}
}

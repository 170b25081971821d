package io.rapport.tickets.internal;

import java.util.List;
import java.util.regex.Pattern;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.PooledOptimizer;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The defects of issue 5 in the tickets core, each shown by what an agent or a customer does. */
@RecordApplicationEvents
class TicketCoreDefectsTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Autowired
	ApplicationEvents events;

	@Autowired
	EntityManagerFactory entityManagers;

	Person agent;

	TicketView ticket;

	@BeforeEach
	void aNewTicketInTier1() {
		agent = fixtures.anAgentIn("tier1");
		ticket = fixtures.aTicket();
	}

	/** Defect 1: the page sends every field, status=NEW included, and assigning opens the ticket. */
	@Test
	void shouldAssignANewTicketFromItsPageAlthoughTheFormSendsStatusNew() throws Exception {
		mvc.perform(post("/tickets/{id}", ticket.id()).param("status", "NEW").param("priority", "NORMAL")
			.param("type", "QUESTION").param("assignee", String.valueOf(agent.id())).param("tags", "")
			.param("version", String.valueOf(ticket.version())).with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isFound());

		TicketView now = tickets.get(ticket.id(), agent.user());
		assertThat(now.assigneeId()).isEqualTo(agent.id());
		assertThat(now.status()).isEqualTo(TicketStatus.OPEN);
	}

	/** Defect 2: a reply "submitted as" a status the ticket cannot take is not stored either. */
	@Test
	void shouldStoreNeitherReplyNorStatusWhenTheStatusIsRefused() throws Exception {
		mvc.perform(post("/tickets/{id}/messages", ticket.id()).param("body", "Closing this.")
			.param("visibility", "PUBLIC").param("submitAs", "CLOSED").with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isBadRequest());

		assertThat(tickets.messages(ticket.id(), agent.user())).hasSize(1);
		assertThatThrownBy(() -> tickets.reply(ticket.id(), new NewMessage("Closing.", null, null), List.of(),
				TicketStatus.CLOSED, agent.user())).isInstanceOf(InvalidInputException.class);
		assertThat(tickets.messages(ticket.id(), agent.user())).hasSize(1);
	}

	@Test
	void shouldStoreAReplyAndItsStatusTogether() {
		tickets.reply(ticket.id(), new NewMessage("Fixed in 2.4.", null, null), List.of(), TicketStatus.SOLVED,
				agent.user());

		assertThat(tickets.get(ticket.id(), agent.user()).status()).isEqualTo(TicketStatus.SOLVED);
		assertThat(tickets.messages(ticket.id(), agent.user())).hasSize(2);
	}

	/** Defect 9: the customer's answer must not fall back into "Unassigned". */
	@Test
	void shouldAssignAnUnassignedTicketToTheAgentWhoRepliesAndNotOfferKeepNew() throws Exception {
		String page = mvc.perform(get("/tickets/{id}", ticket.id()).with(signedInAs(agent))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("Keep New");

		tickets.addMessage(ticket.id(), new NewMessage("Looking into it.", Visibility.PUBLIC, null), List.of(),
				agent.user());

		TicketView now = tickets.get(ticket.id(), agent.user());
		assertThat(now.assigneeId()).isEqualTo(agent.id());
		assertThat(now.status()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void shouldLeaveAnUnassignedTicketUnassignedAfterAnInternalNote() {
		tickets.addMessage(ticket.id(), new NewMessage("Who takes this?", Visibility.INTERNAL, null), List.of(),
				agent.user());

		assertThat(tickets.get(ticket.id(), agent.user()).assigneeId()).isNull();
	}

	/** Defect 10: one tag rule for page and API, commas separate tags, order kept. */
	@Test
	void shouldNormaliseTagsFromThePageAndTheApiTheSameWayInTheirOrder() throws Exception {
		mvc.perform(post("/tickets/{id}", ticket.id()).param("tags", "Upgrade webhooks plan, API")
			.param("version", String.valueOf(ticket.version())).with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isFound());
		assertThat(tickets.get(ticket.id(), agent.user()).tags()).containsExactly("upgrade_webhooks_plan", "api");

		TicketView other = fixtures.aTicket();
		mvc.perform(patch("/api/v1/tickets/{id}", other.id()).header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"tags\": [\"Upgrade webhooks plan\", \"API\"], \"version\": " + other.version() + "}"))
			.andExpect(status().isOk());
		assertThat(tickets.get(other.id(), agent.user()).tags()).containsExactly("upgrade_webhooks_plan", "api");
	}

	/** Defect 12: the history starts with the creation, lists messages, and a first assignee has no arrow. */
	@Test
	void shouldShowCreationMessagesAndAFirstAssignmentInTheHistory() throws Exception {
		try {
			clock.advance(java.time.Duration.ofMinutes(1));
			tickets.update(ticket.id(), new TicketUpdate(null, null, null, agent.id(), null, null, ticket.version()),
					agent.user());
			clock.advance(java.time.Duration.ofMinutes(1));
			tickets.addMessage(ticket.id(), new NewMessage("On it.", Visibility.INTERNAL, null), List.of(),
					agent.user());
		}
		finally {
			clock.set(START);
		}

		assertThat(tickets.history(ticket.id(), agent.user())).extracting(c -> c.field())
			.containsExactly("created", "assignee", "status", "message");
		String page = mvc.perform(get("/tickets/{id}", ticket.id()).with(signedInAs(agent))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Created via API", "Internal note");
		assertThat(Pattern.compile("Assignee</span>:\\s*→").matcher(page).find()).isFalse();
	}

	/** Defect 16: what a customer sends is a request; priority and tags are the team's to set. */
	@Test
	void shouldIgnoreThePriorityAndTagsACustomerSends() throws Exception {
		Person customer = fixtures.aCustomer();

		String body = mvc.perform(post("/api/v1/tickets").header("Authorization", customer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"subject": "Refund", "description": "Please refund.", "priority": "URGENT", "type": "BILLING",
					 "tags": ["vip", "refund_approved"]}"""))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

		long id = Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
		TicketView stored = tickets.get(id, agent.user());
		assertThat(stored.priority()).isEqualTo(TicketPriority.NORMAL);
		assertThat(stored.tags()).isEmpty();
		assertThat(stored.type()).isEqualTo(TicketType.BILLING);
	}

	/** Mentions: @ and an agent's email or its local part, in internal notes only. */
	@Test
	void shouldFindTheAgentsMentionedInAnInternalNote() {
		Person lars = fixtures.anAgentIn("tier2");
		Person mira = fixtures.anAgentIn("tier1");
		String larsHandle = lars.email().substring(0, lars.email().indexOf('@')).toUpperCase();

		ticket = fixtures.aTicket();
		tickets.addMessage(ticket.id(), new NewMessage("@" + larsHandle + ", and @" + mira.email() + ". Not ana@"
				+ larsHandle + ".example.", Visibility.INTERNAL, null), List.of(), agent.user());
		tickets.addMessage(ticket.id(), new NewMessage("Hi @" + larsHandle, Visibility.PUBLIC, null), List.of(),
				agent.user());

		assertThat(events.stream(MessagePosted.class).filter(e -> e.ticketId() == ticket.id()))
			.extracting(MessagePosted::mentionedAgentIds)
			.containsExactly(java.util.Set.of(), java.util.Set.of(lars.id(), mira.id()), java.util.Set.of());
	}

	/** An agent opening a ticket for a customer writes on their behalf: never the customer's own "You". */
	@Test
	void shouldShowADescriptionAnAgentWroteAsTheAgentsForTheCustomer() throws Exception {
		Person customer = fixtures.aCustomer();
		String created = mvc.perform(post("/api/v1/tickets").header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"subject": "Called about export", "description": "Export hangs at 90%%.",
					 "requester": {"email": "%s"}, "channel": "PHONE"}""".formatted(customer.email())))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));

		MessageView description = tickets.messages(id, agent.user()).get(0);
		assertThat(description.authorType()).isEqualTo(AuthorKind.AGENT);
		assertThat(description.authorId()).isEqualTo(agent.id());
		assertThat(description.onBehalfOfId()).isEqualTo(customer.id());
		String workspace = mvc.perform(get("/tickets/{id}", id).with(signedInAs(agent))).andReturn().getResponse()
			.getContentAsString();
		assertThat(workspace).contains(agent.user().name() + " for " + customer.user().name());
		String portal = mvc.perform(get("/portal/tickets/{id}", id).with(signedInAs(customer))).andReturn()
			.getResponse().getContentAsString();
		assertThat(portal).contains("Export hangs at 90%", agent.user().name(), "message-support")
			.doesNotContain("message-customer");
	}

	/** The portal's files go on the description, not on a second "Attached: …" message. */
	@Test
	void shouldKeepFilesSubmittedThroughThePortalOnTheFirstMessage() throws Exception {
		Person customer = fixtures.aCustomer();
		String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/portal/tickets")
			.file(new org.springframework.mock.web.MockMultipartFile("files", "steps.txt", "text/plain",
					"1. click export".getBytes()))
			.param("subject", "Export fails").param("description", "Nothing happens.").param("type", "INCIDENT")
			.with(csrf()).with(signedInAs(customer)))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll("\\D+(\\d+)\\?.*", "$1"));

		assertThat(tickets.messages(id, agent.user())).singleElement()
			.satisfies(m -> assertThat(m.attachments()).extracting("filename").containsExactly("steps.txt"));
	}

	/** Defect 7: imports read sequence values as Hibernate's pooled optimizer does, so the choice is pinned. */
	@Test
	void shouldPinThePooledOptimizerThatImportsRelyOn() {
		SessionFactoryImplementor sessions = entityManagers.unwrap(SessionFactoryImplementor.class);

		assertThat(sessions.getProperties()).containsEntry("hibernate.id.optimizer.pooled.preferred", "pooled");
		assertThat(((SequenceStyleGenerator) sessions.getMappingMetamodel().getEntityDescriptor(Message.class)
			.getGenerator()).getOptimizer()).isInstanceOf(PooledOptimizer.class);
	}
}

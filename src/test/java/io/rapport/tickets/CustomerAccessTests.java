package io.rapport.tickets;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Broken access control is how help desks leak: a customer sees their own tickets and nothing else. */
class CustomerAccessTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	Person alice;

	Person bob;

	Person agent;

	@BeforeEach
	void people() {
		var account = fixtures.anAccount();
		alice = fixtures.aCustomerOf(account.id());
		bob = fixtures.aCustomerOf(account.id());
		agent = fixtures.anAgentIn("tier1", "tier2");
	}

	@Test
	void shouldLetCustomerCreateReadAndReplyToOwnTicketOnly() throws Exception {
		call(alice, post("/api/v1/tickets"), """
				{"subject": "Invoice shows the wrong VAT", "description": "See March.",
				 "requester": {"email": "someone-else@example.com"}, "channel": "PHONE"}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.requester.id").value(alice.id()))
			.andExpect(jsonPath("$.channel").value("API"));
		TicketView ticket = fixtures.aTicketFrom(alice, "Mine");

		call(alice, get("/api/v1/tickets/" + ticket.id()), null).andExpect(status().isOk());
		call(alice, post("/api/v1/tickets/" + ticket.id() + "/messages"), "{\"body\": \"Any news?\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.authorType").value("CONTACT"));
		call(alice, get("/api/v1/tickets"), null)
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].requester.id", not(org.hamcrest.Matchers.hasItem((int) bob.id()))));
	}

	@Test
	void shouldAnswer404ForAnotherCustomersTicketEvenInTheSameAccount() throws Exception {
		TicketView bobs = fixtures.aTicketFrom(bob, "Bob's secret");

		call(alice, get("/api/v1/tickets/" + bobs.id()), null).andExpect(status().isNotFound());
		call(alice, get("/api/v1/tickets/" + bobs.id() + "/messages"), null).andExpect(status().isNotFound());
		call(alice, post("/api/v1/tickets/" + bobs.id() + "/messages"), "{\"body\": \"hi\"}").andExpect(status().isNotFound());
		call(alice, get("/api/v1/tickets?requesterId=" + bob.id()), null).andExpect(jsonPath("$.total").value(0));
		call(alice, get("/api/v1/tickets?q=secret"), null).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void shouldAnswer404ForAgentOnlyOperationsOnOwnTicket() throws Exception {
		TicketView ticket = fixtures.aTicketFrom(alice, "Mine");

		call(alice, patch("/api/v1/tickets/" + ticket.id()), "{\"status\": \"SOLVED\", \"version\": 0}").andExpect(status().isNotFound());
		call(alice, post("/api/v1/tickets/" + ticket.id() + "/escalations"), "{\"to\": \"tier2\", \"reason\": \"now\"}").andExpect(status().isNotFound());
		call(alice, get("/api/v1/tickets/" + ticket.id() + "/history"), null).andExpect(status().isNotFound());
		call(alice, get("/api/v1/groups"), null).andExpect(status().isNotFound());
		call(alice, get("/api/v1/accounts/" + ticket.accountId()), null).andExpect(status().isNotFound());
		call(alice, get("/api/v1/contacts/" + bob.id()), null).andExpect(status().isNotFound());
		call(alice, get("/api/v1/contacts/" + alice.id()), null).andExpect(status().isOk());
	}

	@Test
	void shouldHideInternalNotesAndTheirAttachmentsFromTheCustomer() throws Exception {
		TicketView ticket = fixtures.aTicketFrom(alice, "Mine");
		String noteId = upload(agent, ticket.id(), "INTERNAL", "Customer is on the legacy plan", "notes.txt")
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long attachmentId = ((Number) com.jayway.jsonpath.JsonPath.read(noteId, "$.attachments[0].id")).longValue();

		call(alice, post("/api/v1/tickets/" + ticket.id() + "/messages"), "{\"body\": \"psst\", \"visibility\": \"INTERNAL\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visibility"));
		call(alice, get("/api/v1/tickets/" + ticket.id() + "/messages"), null)
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(content().string(not(containsString("legacy plan"))));
		call(alice, get("/api/v1/attachments/" + attachmentId), null).andExpect(status().isNotFound());
		call(agent, get("/api/v1/attachments/" + attachmentId), null).andExpect(status().isOk());
	}

	@Test
	void shouldServeAttachmentsOnlyToThoseWhoMaySeeTheTicketAsNosniffDownloads() throws Exception {
		TicketView ticket = fixtures.aTicketFrom(alice, "Screenshot attached");
		String reply = upload(alice, ticket.id(), null, "Here is the page", "page.html")
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long attachmentId = ((Number) com.jayway.jsonpath.JsonPath.read(reply, "$.attachments[0].id")).longValue();

		call(alice, get("/api/v1/attachments/" + attachmentId), null)
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().string("<script>alert(document.cookie)</script>"));
		call(agent, get("/api/v1/attachments/" + attachmentId), null).andExpect(status().isOk());
		call(bob, get("/api/v1/attachments/" + attachmentId), null).andExpect(status().isNotFound());
		call(bob, get("/api/v1/attachments/987654321"), null).andExpect(status().isNotFound());
	}

	@Test
	void shouldRefuseExecutableAndOversizedAttachmentsAndStoreNoMessage() throws Exception {
		TicketView ticket = fixtures.aTicketFrom(alice, "Files");

		upload(alice, ticket.id(), null, "run this", "setup.exe")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("files[0]"));
		mvc.perform(multipart("/api/v1/tickets/" + ticket.id() + "/messages")
			.file(new MockMultipartFile("files", "big.bin", "application/octet-stream", new byte[10 * 1024 * 1024 + 1]))
			.param("body", "big")
			.header("Authorization", alice.bearer()))
			.andExpect(status().isBadRequest());

		call(alice, get("/api/v1/tickets/" + ticket.id() + "/messages"), null).andExpect(jsonPath("$", hasSize(1)));
	}

	@Test
	void shouldShowTheCustomerTheirOwnShapeOfATicketWithoutTheTeamsWorkingData() throws Exception {
		TicketView ticket = fixtures.aTicketFrom(alice, "Export fails");
		call(agent, post("/api/v1/tickets/" + ticket.id() + "/escalations"),
				"{\"to\": \"tier2\", \"reason\": \"Customer is rude, VIP refund pending\"}").andExpect(status().isCreated());
		call(agent, post("/api/v1/tickets/" + ticket.id() + "/messages"), "{\"body\": \"Looking into it\"}")
			.andExpect(status().isCreated());
		call(agent, get("/api/v1/tickets/" + ticket.id()), null)
			.andExpect(jsonPath("$.escalations[0].reason").value("Customer is rude, VIP refund pending"));

		call(alice, get("/api/v1/tickets/" + ticket.id()), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("Export fails"))
			.andExpect(jsonPath("$.status").value(org.hamcrest.Matchers.startsWith("WAITING_FOR_")))
			.andExpect(content().string(not(containsString("VIP refund"))))
			.andExpect(jsonPath("$.escalations").doesNotExist())
			.andExpect(jsonPath("$.assigneeId").doesNotExist())
			.andExpect(jsonPath("$.group").doesNotExist())
			.andExpect(jsonPath("$.priority").doesNotExist())
			.andExpect(jsonPath("$.tags").doesNotExist());
		call(alice, get("/api/v1/tickets"), null)
			.andExpect(content().string(not(containsString("VIP refund"))))
			.andExpect(jsonPath("$.items[0].escalations").doesNotExist())
			.andExpect(jsonPath("$.items[0].assigneeId").doesNotExist());
		call(alice, get("/api/v1/tickets/" + ticket.id() + "/messages"), null)
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[1].authorType").value("AGENT"))
			.andExpect(jsonPath("$[1].authorName").exists())
			.andExpect(jsonPath("$[1].authorId").doesNotExist())
			.andExpect(jsonPath("$[1].visibility").doesNotExist());
	}

	@Test
	void shouldNeverListOtherCustomersTicketsThroughTheFacade() {
		fixtures.aTicketFrom(bob, "Bob's");
		fixtures.aTicketFrom(alice, "Alice's");

		var page = tickets.list(TicketFilter.any(), 0, 100, alice.user());

		org.assertj.core.api.Assertions.assertThat(page.items()).extracting(t -> t.requester().id())
			.containsOnly(alice.id());
	}

	private ResultActions upload(Person who, long ticketId, String visibility, String body, String filename)
			throws Exception {
		var request = multipart("/api/v1/tickets/" + ticketId + "/messages")
			.file(new MockMultipartFile("files", filename, "text/html",
					"<script>alert(document.cookie)</script>".getBytes()))
			.param("body", body)
			.header("Authorization", who.bearer());
		if (visibility != null) {
			request.param("visibility", visibility);
		}
		return mvc.perform(request);
	}

	private ResultActions call(Person who, MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", who.bearer());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

}

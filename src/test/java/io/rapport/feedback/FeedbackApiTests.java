package io.rapport.feedback;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.rapport.web.Pages.signedInAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The /api/v1/feedback endpoints and the ticket's feedback-topic, with every refusal, and the pages' access. */
class FeedbackApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	Person agent;

	Person customer;

	@BeforeEach
	void people() {
		agent = fixtures.anAgentIn("tier1");
		customer = fixtures.aCustomer();
	}

	private ResultActions call(Person who, MockHttpServletRequestBuilder request, String json) throws Exception {
		if (who != null) {
			request.header("Authorization", who.bearer());
		}
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	private long id(ResultActions result, String path) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), path)).longValue();
	}

	private TicketView aTicket(TicketType type) {
		return tickets.create(new NewTicket("Export to PDF", "Could you add export to PDF?", null, type, null, null,
				List.of()), customer.user());
	}

	@Test
	void shouldCreateLinkRankChangeAndReadATopic() throws Exception {
		long topic = id(call(agent, post("/api/v1/feedback/topics"), """
				{"title": "PDF export", "description": "Export boards and charts to PDF"}""")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/feedback/topics/")))
			.andExpect(jsonPath("$.state").value("OPEN")), "$.id");
		TicketView ticket = aTicket(TicketType.FEATURE_REQUEST);

		call(agent, put("/api/v1/tickets/" + ticket.id() + "/feedback-topic"), "{\"topicId\": " + topic + "}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topicId").value(topic))
			.andExpect(jsonPath("$.words").value("Could you add export to PDF?"));
		call(agent, get("/api/v1/feedback/topics?kind=FEATURE_REQUEST&state=OPEN"), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + topic + ")].tickets").value(hasItem(1)));
		call(agent, get("/api/v1/tickets/" + ticket.id() + "/feedback-topic"), null)
			.andExpect(jsonPath("$.topic.id").value(topic));

		call(agent, patch("/api/v1/feedback/topics/" + topic), "{\"state\": \"PLANNED\", \"version\": 0}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PLANNED"))
			.andExpect(jsonPath("$.version").value(1));
		call(agent, patch("/api/v1/feedback/topics/" + topic), "{\"state\": \"SHIPPED\", \"version\": 0}")
			.andExpect(status().isConflict());
		call(agent, get("/api/v1/feedback/topics/" + topic), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topic.state").value("PLANNED"))
			.andExpect(jsonPath("$.topic.tickets").value(1))
			.andExpect(jsonPath("$.tickets[0].ticketId").value(ticket.id()));

		call(agent, delete("/api/v1/tickets/" + ticket.id() + "/feedback-topic"), null)
			.andExpect(status().isNoContent());
		call(agent, get("/api/v1/feedback/topics/" + topic), null).andExpect(jsonPath("$.topic.tickets").value(0));
	}

	@Test
	void shouldNameTheFieldOfEveryBadInput() throws Exception {
		call(agent, post("/api/v1/feedback/topics"), "{\"title\": \"  \"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		call(agent, post("/api/v1/feedback/topics"), "{\"title\": \"" + "x".repeat(201) + "\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"));
		call(agent, post("/api/v1/feedback/topics"),
				"{\"title\": \"ok\", \"description\": \"" + "x".repeat(4001) + "\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("description"));
		long topic = id(call(agent, post("/api/v1/feedback/topics"), "{\"title\": \"Errors\"}"), "$.id");
		call(agent, patch("/api/v1/feedback/topics/" + topic), "{\"state\": \"DONE\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("state"));
		call(agent, get("/api/v1/feedback/topics/999999999"), null).andExpect(status().isNotFound());
		call(agent, get("/api/v1/feedback/topics?kind=QUESTION"), null)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));

		TicketView request = aTicket(TicketType.FEATURE_REQUEST);
		call(agent, put("/api/v1/tickets/" + request.id() + "/feedback-topic"), "{}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("topicId"));
		call(agent, put("/api/v1/tickets/" + request.id() + "/feedback-topic"), "{\"topicId\": 999999999}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("topicId"));
		call(agent, put("/api/v1/tickets/999999999/feedback-topic"), "{\"topicId\": " + topic + "}")
			.andExpect(status().isNotFound());
		TicketView question = aTicket(TicketType.QUESTION);
		call(agent, put("/api/v1/tickets/" + question.id() + "/feedback-topic"), "{\"topicId\": " + topic + "}")
			.andExpect(status().isConflict());
		call(agent, post("/api/v1/feedback/topics/" + topic + "/notify"), "{\"message\": \"Shipped\"}")
			.andExpect(status().isConflict());
	}

	@Test
	void shouldHideEverythingFromCustomersAndStrangers() throws Exception {
		long topic = id(call(agent, post("/api/v1/feedback/topics"), "{\"title\": \"Private\"}"), "$.id");
		TicketView mine = aTicket(TicketType.FEATURE_REQUEST);

		call(customer, get("/api/v1/feedback/topics"), null).andExpect(status().isNotFound());
		call(customer, get("/api/v1/feedback/topics/" + topic), null).andExpect(status().isNotFound());
		call(customer, post("/api/v1/feedback/topics"), "{\"title\": \"Mine\"}").andExpect(status().isNotFound());
		call(customer, patch("/api/v1/feedback/topics/" + topic), "{\"state\": \"SHIPPED\"}")
			.andExpect(status().isNotFound());
		call(customer, put("/api/v1/tickets/" + mine.id() + "/feedback-topic"), "{\"topicId\": " + topic + "}")
			.andExpect(status().isNotFound());
		call(customer, get("/api/v1/tickets/" + mine.id() + "/feedback-topic"), null).andExpect(status().isNotFound());
		call(customer, get("/api/v1/feedback/unsorted"), null).andExpect(status().isNotFound());
		call(null, get("/api/v1/feedback/topics"), null).andExpect(status().isUnauthorized());

		mvc.perform(get("/feedback").with(signedInAs(customer))).andExpect(status().isForbidden());
		mvc.perform(get("/feedback/topics/" + topic).with(signedInAs(customer))).andExpect(status().isForbidden());
		mvc.perform(post("/feedback/tickets/" + mine.id() + "/link").param("topicId", String.valueOf(topic))
			.with(csrf()).with(signedInAs(customer))).andExpect(status().isForbidden());
	}

	@Test
	void shouldShowTheRankingTheTopicAndThePanelToAgents() throws Exception {
		long topic = id(call(agent, post("/api/v1/feedback/topics"), "{\"title\": \"Kiwi export\"}"), "$.id");
		TicketView request = aTicket(TicketType.FEATURE_REQUEST);
		call(agent, put("/api/v1/tickets/" + request.id() + "/feedback-topic"), "{\"topicId\": " + topic + "}")
			.andExpect(status().isOk());

		mvc.perform(get("/feedback").with(signedInAs(agent))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Kiwi export")))
			.andExpect(content().string(containsString("Could you add export to PDF?")));
		call(agent, patch("/api/v1/feedback/topics/" + topic), "{\"state\": \"SHIPPED\"}").andExpect(status().isOk());
		mvc.perform(get("/feedback/topics/" + topic).param("lang", "ro").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vești bune")))
			.andExpect(content().string(containsString("Kiwi export")));
		mvc.perform(get("/tickets/" + request.id()).with(signedInAs(agent))).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-feedback-panel")))
			.andExpect(content().string(containsString("data-feedback-linked")));
		TicketView question = aTicket(TicketType.QUESTION);
		mvc.perform(get("/tickets/" + question.id()).with(signedInAs(agent))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-feedback-panel"))));
	}
}

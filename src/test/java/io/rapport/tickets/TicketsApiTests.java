package io.rapport.tickets;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ticket endpoints of the REST API, as a client written against the contract would use them. */
class TicketsApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	Person tier1;

	@BeforeEach
	void agent() {
		tier1 = fixtures.anAgentIn("tier1");
	}

	@Test
	void shouldCreateTicketInTier1WithRequesterFoundOrCreatedByEmail() throws Exception {
		var account = fixtures.anAccount();
		String email = "Ana@" + account.domain();

		call(tier1, post("/api/v1/tickets"), """
				{"subject": "Export to CSV fails", "description": "The export button spins forever.",
				 "requester": {"email": "%s", "name": "Ana Pop"}, "type": "INCIDENT", "priority": "HIGH",
				 "channel": "EMAIL", "tags": ["Export", "csv"]}""".formatted(email))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/tickets/")))
			.andExpect(jsonPath("$.number").isNumber())
			.andExpect(jsonPath("$.status").value("NEW"))
			.andExpect(jsonPath("$.group").value("tier1"))
			.andExpect(jsonPath("$.type").value("INCIDENT"))
			.andExpect(jsonPath("$.channel").value("EMAIL"))
			.andExpect(jsonPath("$.requester.email").value(email.toLowerCase()))
			.andExpect(jsonPath("$.accountId").value(account.id()))
			.andExpect(jsonPath("$.tags[0]").value("export"))
			.andExpect(jsonPath("$.tags[1]").value("csv"))
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.escalations", hasSize(0)));
	}

	@Test
	void shouldReadTicketWithItsDescriptionAsFirstMessage() throws Exception {
		TicketView ticket = fixtures.aTicket();

		call(tier1, get("/api/v1/tickets/" + ticket.id()), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(ticket.id()))
			.andExpect(jsonPath("$.requester.id").value(ticket.requester().id()))
			.andExpect(jsonPath("$.createdAt").value("2026-03-02T09:00:00Z"));
		call(tier1, get("/api/v1/tickets/" + ticket.id() + "/messages"), null)
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].authorType").value("CONTACT"))
			.andExpect(jsonPath("$[0].visibility").value("PUBLIC"));
	}

	@Test
	void shouldListTicketsByGroupStatusRequesterAndTag() throws Exception {
		Person customer = fixtures.aCustomer();
		TicketView first = fixtures.aTicketFrom(customer, "First");
		fixtures.aTicketFrom(customer, "Second");
		call(tier1, patch("/api/v1/tickets/" + first.id()), "{\"tags\": [\"needle\"], \"version\": 0}")
			.andExpect(status().isOk());

		call(tier1, get("/api/v1/tickets?requesterId=" + customer.id() + "&size=1"), null)
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.size").value(1));
		call(tier1, get("/api/v1/tickets?requesterId=" + customer.id() + "&tag=needle&group=tier1&status=NEW"), null)
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(first.id()));
		call(tier1, get("/api/v1/tickets?requesterId=" + customer.id() + "&group=tier2"), null)
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void shouldUpdateFieldsAndRecordEachChangeInHistory() throws Exception {
		TicketView ticket = fixtures.aTicket();

		call(tier1, patch("/api/v1/tickets/" + ticket.id()), """
				{"status": "PENDING", "priority": "URGENT", "assigneeId": %d, "version": 0}""".formatted(tier1.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.priority").value("URGENT"))
			.andExpect(jsonPath("$.assigneeId").value(tier1.id()))
			.andExpect(jsonPath("$.version").value(1));

		call(tier1, get("/api/v1/tickets/" + ticket.id() + "/history"), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.field == 'priority')].newValue").value("URGENT"))
			.andExpect(jsonPath("$[?(@.field == 'assignee')].newValue").value(String.valueOf(tier1.id())))
			.andExpect(jsonPath("$[?(@.field == 'status' && @.oldValue == 'NEW')].newValue").value("OPEN"))
			.andExpect(jsonPath("$[?(@.field == 'status' && @.oldValue == 'OPEN')].newValue").value("PENDING"))
			.andExpect(jsonPath("$[0].field").value("created"))
			.andExpect(jsonPath("$[?(@.field == 'priority')].actorId").value((int) tier1.id()))
			.andExpect(jsonPath("$[?(@.field == 'priority')].actorName").value(tier1.user().name()));
	}

	@Test
	void shouldRejectStaleVersionWithConflictAndKeepTheFirstWrite() throws Exception {
		TicketView ticket = fixtures.aTicket();
		call(tier1, patch("/api/v1/tickets/" + ticket.id()), "{\"priority\": \"HIGH\", \"version\": 0}")
			.andExpect(status().isOk());

		call(tier1, patch("/api/v1/tickets/" + ticket.id()), "{\"priority\": \"LOW\", \"version\": 0}")
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

		call(tier1, get("/api/v1/tickets/" + ticket.id()), null).andExpect(jsonPath("$.priority").value("HIGH"));
	}

	@Test
	void shouldRefuseAssigneeOutsideTheTicketsGroup() throws Exception {
		TicketView ticket = fixtures.aTicket();
		Person salesAgent = fixtures.anAgentIn("sales");

		call(tier1, patch("/api/v1/tickets/" + ticket.id()), "{\"assigneeId\": %d, \"version\": 0}".formatted(salesAgent.id()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
	}

	@Test
	void shouldAddPublicReplyAndInternalNoteAndSetFirstResponseOnce() throws Exception {
		TicketView ticket = fixtures.aTicket();

		call(tier1, post("/api/v1/tickets/" + ticket.id() + "/messages"),
				"{\"body\": \"Looking into it.\", \"visibility\": \"INTERNAL\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.visibility").value("INTERNAL"));
		call(tier1, get("/api/v1/tickets/" + ticket.id()), null).andExpect(jsonPath("$.firstResponseAt").isEmpty());

		clock.advance(java.time.Duration.ofMinutes(7));
		call(tier1, post("/api/v1/tickets/" + ticket.id() + "/messages"), "{\"body\": \"Try clearing the cache.\"}")
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.authorId").value(tier1.id()))
			.andExpect(jsonPath("$.visibility").value("PUBLIC"))
			.andExpect(jsonPath("$.bodyHtml").value("<p>Try clearing the cache.</p>"));

		call(tier1, get("/api/v1/tickets/" + ticket.id()), null)
			.andExpect(jsonPath("$.firstResponseAt").value("2026-03-02T09:07:00Z"))
			.andExpect(jsonPath("$.status").value("OPEN"));
		call(tier1, get("/api/v1/tickets/" + ticket.id() + "/messages"), null).andExpect(jsonPath("$", hasSize(3)));
		clock.set(START);
	}

	@Test
	void shouldEscalateWithReasonUnassignAndKeepTheEscalation() throws Exception {
		TicketView ticket = fixtures.aTicket();
		call(tier1, patch("/api/v1/tickets/" + ticket.id()), "{\"assigneeId\": %d, \"version\": 0}".formatted(tier1.id()))
			.andExpect(status().isOk());

		call(tier1, post("/api/v1/tickets/" + ticket.id() + "/escalations"),
				"{\"to\": \"tier2\", \"reason\": \"Stack trace points at the export service\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.group").value("tier2"))
			.andExpect(jsonPath("$.assigneeId").isEmpty())
			.andExpect(jsonPath("$.escalations[0].from").value("tier1"))
			.andExpect(jsonPath("$.escalations[0].to").value("tier2"))
			.andExpect(jsonPath("$.escalations[0].reason").value("Stack trace points at the export service"))
			.andExpect(jsonPath("$.escalations[0].byId").value(tier1.id()))
			.andExpect(jsonPath("$.escalations[0].at").value("2026-03-02T09:00:00Z"));

		call(tier1, post("/api/v1/tickets/" + ticket.id() + "/escalations"),
				"{\"to\": \"tier1\", \"reason\": \"Fixed by the hotfix; tier 1 can close it\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.group").value("tier1"))
			.andExpect(jsonPath("$.escalations", hasSize(2)));
	}

	@Test
	void shouldRejectEscalationWithoutReasonOrToUnknownGroupAndChangeNothing() throws Exception {
		TicketView ticket = fixtures.aTicket();

		call(tier1, post("/api/v1/tickets/" + ticket.id() + "/escalations"), "{\"to\": \"tier2\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		call(tier1, post("/api/v1/tickets/" + ticket.id() + "/escalations"), "{\"to\": \"tier2\", \"reason\": \"   \"}")
			.andExpect(status().isBadRequest());
		call(tier1, post("/api/v1/tickets/" + ticket.id() + "/escalations"), "{\"to\": \"nowhere\", \"reason\": \"x\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));

		call(tier1, get("/api/v1/tickets/" + ticket.id()), null)
			.andExpect(jsonPath("$.group").value("tier1"))
			.andExpect(jsonPath("$.version").value(0));
	}

	@Test
	void shouldAnswerBadInputWithProblemNamingTheFieldAndWriteNothing() throws Exception {
		long before = count();
		String tooLong = "x".repeat(251);

		expectProblem(post("/api/v1/tickets"), "{\"subject\": ", 400, null);
		expectProblem(post("/api/v1/tickets"), "", 400, null);
		expectProblem(post("/api/v1/tickets"), "{\"description\": \"d\", \"requester\": {\"email\": \"a@b.co\"}}", 400, "subject");
		expectProblem(post("/api/v1/tickets"), "{\"subject\": \"%s\", \"description\": \"d\", \"requester\": {\"email\": \"a@b.co\"}}".formatted(tooLong), 400, "subject");
		expectProblem(post("/api/v1/tickets"), "{\"subject\": \"s\", \"description\": \"d\", \"requester\": {\"email\": \"a@b.co\"}, \"type\": \"RANT\"}", 400, "type");
		expectProblem(post("/api/v1/tickets"), "{\"subject\": \"s\", \"description\": \"d\", \"requester\": {\"email\": \"not-an-email\"}}", 400, "requester.email");
		expectProblem(post("/api/v1/tickets"), "{\"subject\": \"s\", \"description\": \"d\"}", 400, "requester");
		expectProblem(post("/api/v1/tickets"), "{\"subject\": \"s\", \"description\": \"d\", \"requester\": {\"email\": \"a@b.co\"}, \"tags\": [\"<script>\"]}", 400, "tags[0]");
		expectProblem(post("/api/v1/tickets"), "{\"subject\": \"%s\"}".formatted("x".repeat(1024 * 1024)), 413, null);
		expectProblem(get("/api/v1/tickets/987654321"), null, 404, null);
		expectProblem(get("/api/v1/no-such-thing"), null, 404, null);
		expectProblem(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/tickets"), null, 405, null);
		expectProblem(get("/api/v1/tickets/abc"), null, 400, "id");
		expectProblem(get("/api/v1/tickets?status=FROZEN"), null, 400, "status");
		expectProblem(get("/api/v1/tickets?size=1000"), null, 400, "size");
		expectProblem(get("/api/v1/tickets?group=nope"), null, 400, "group");
		expectProblem(patch("/api/v1/tickets/987654321"), "{\"version\": 0}", 404, null);

		assertThat(count()).isEqualTo(before);
	}

	@Test
	void shouldNotAllowGoingBackToNewOrClosingAnUnsolvedTicket() throws Exception {
		TicketView ticket = fixtures.aTicket();
		call(tier1, patch("/api/v1/tickets/" + ticket.id()), "{\"status\": \"CLOSED\", \"version\": 0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		call(tier1, patch("/api/v1/tickets/" + ticket.id()), "{\"status\": \"SOLVED\", \"version\": 0}")
			.andExpect(jsonPath("$.solvedAt").value("2026-03-02T09:00:00Z"));
		call(tier1, patch("/api/v1/tickets/" + ticket.id()), "{\"status\": \"CLOSED\", \"version\": 1}")
			.andExpect(status().isOk());
		call(tier1, post("/api/v1/tickets/" + ticket.id() + "/messages"), "{\"body\": \"More\"}")
			.andExpect(status().isConflict());
	}

	@Test
	void shouldKeepStoredXssInertInApiResponses() throws Exception {
		String body = call(tier1, post("/api/v1/tickets"), """
				{"subject": "<img src=x onerror=alert(1)>", "description": "<p onclick=\\"alert(1)\\">hi</p><script>alert(2)</script><a href=\\"javascript:alert(3)\\">x</a>",
				 "requester": {"email": "xss@example.net", "name": "<svg onload=alert(4)>"}}""")
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();

		call(tier1, get("/api/v1/tickets/" + id + "/messages"), null)
			.andExpect(jsonPath("$[0].bodyHtml").value("<p>hi</p>x"))
			.andExpect(content().string(not(containsString("javascript:"))))
			.andExpect(content().string(not(containsString("<script"))));
	}

	private void expectProblem(MockHttpServletRequestBuilder request, String json, int status, String field)
			throws Exception {
		ResultActions result = call(tier1, request, json)
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.detail").isString());
		if (field != null) {
			result.andExpect(jsonPath("$.errors[0].field").value(field));
		}
	}

	private long count() {
		return jdbc.queryForObject("select count(*) from tickets", Long.class)
				+ jdbc.queryForObject("select count(*) from contacts", Long.class);
	}

	ResultActions call(Person who, MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", who.bearer());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}
}

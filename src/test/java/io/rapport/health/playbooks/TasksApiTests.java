package io.rapport.health.playbooks;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.rapport.health.playbooks.PlaybookScenario.onFlag;
import static io.rapport.health.playbooks.PlaybookScenario.task;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The tasks and playbooks API as the issue writes it: filters, complete, snooze, reassign, pause, and every error. */
class TasksApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Tasks tasks;

	@Autowired
	Playbooks playbooks;

	@Autowired
	AccountsApi accounts;

	@Autowired
	JdbcTemplate jdbc;

	Person manager;

	AccountView account;

	LocalDate today;

	@BeforeEach
	void setUp() {
		manager = fixtures.anAgentIn("success");
		account = fixtures.anAccount();
		accounts.setOwner(account.id(), manager.id());
		today = LocalDate.ofInstant(START, ZoneOffset.UTC);
	}

	@AfterEach
	void pauseTestPlaybooks() {
		jdbc.update("update playbooks set active = false where builtin_key is null");
	}

	@Test
	void shouldListMyOpenOverdueAndDoneTasksAndCompleteOneWithAnOutcome() throws Exception {
		long late = tasks.create(account.id(), manager.id(), "Kickoff call", "Call them", false, today.minusDays(2),
				null);
		long soon = tasks.create(account.id(), manager.id(), "Review health", null, false, today.plusDays(3), null);

		call(manager, get("/api/v1/tasks?assignee=me&status=open"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(late)).andExpect(jsonPath("$[0].overdue").value(true))
			.andExpect(jsonPath("$[0].accountName").value(account.name()))
			.andExpect(jsonPath("$[0].assigneeName").value(manager.user().name()))
			.andExpect(jsonPath("$[?(@.id == " + soon + ")].overdue").value(false));
		call(manager, get("/api/v1/tasks?assignee=me&status=overdue"), null)
			.andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(late));
		call(manager, get("/api/v1/tasks?accountId=" + account.id() + "&status=open"), null)
			.andExpect(jsonPath("$[*].id", hasItem((int) soon)));

		call(manager, post("/api/v1/tasks/" + late + "/complete"), """
				{"outcome": "no-answer", "note": "Left a voicemail"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("done")).andExpect(jsonPath("$.outcome").value("no-answer"))
			.andExpect(jsonPath("$.note").value("Left a voicemail"))
			.andExpect(jsonPath("$.completedById").value(manager.id()))
			.andExpect(jsonPath("$.completedAt").value("2026-03-02T09:00:00Z"));
		call(manager, get("/api/v1/tasks?assignee=me&status=overdue"), null).andExpect(jsonPath("$.length()").value(0));
		call(manager, get("/api/v1/tasks?assignee=" + manager.id() + "&status=done"), null)
			.andExpect(jsonPath("$[0].id").value(late));
		call(manager, post("/api/v1/tasks/" + late + "/complete"), "{\"outcome\": \"reached\"}")
			.andExpect(status().isConflict());
	}

	@Test
	void shouldSnoozeAndReassignToAnotherSuccessManagerOnly() throws Exception {
		long id = tasks.create(account.id(), manager.id(), "Renewal call", null, false, today.minusDays(1), null);
		Person colleague = fixtures.anAgentIn("success");
		Person support = fixtures.anAgentIn("tier1");

		call(manager, post("/api/v1/tasks/" + id + "/snooze"), "{\"until\": \"2026-03-09\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.dueOn").value("2026-03-09"))
			.andExpect(jsonPath("$.snoozedUntil").value("2026-03-09")).andExpect(jsonPath("$.overdue").value(false));
		call(manager, patch("/api/v1/tasks/" + id), "{\"assigneeId\": " + colleague.id() + "}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.assigneeId").value(colleague.id()));
		call(colleague, get("/api/v1/tasks?assignee=me"), null).andExpect(jsonPath("$[*].id", hasItem((int) id)));
		call(manager, get("/api/v1/tasks?assignee=me"), null).andExpect(jsonPath("$[*].id", not(hasItem((int) id))));

		rejects(patch("/api/v1/tasks/" + id), "{\"assigneeId\": " + support.id() + "}", "assigneeId");
		rejects(patch("/api/v1/tasks/" + id), "{\"assigneeId\": \"x\"}", "assigneeId");
		rejects(post("/api/v1/tasks/" + id + "/snooze"), "{\"until\": \"2026-03-02\"}", "until");
		rejects(post("/api/v1/tasks/" + id + "/snooze"), "{\"until\": \"next week\"}", "until");
		rejects(post("/api/v1/tasks/" + id + "/snooze"), "{}", "until");
		rejects(post("/api/v1/tasks/" + id + "/complete"), "{\"outcome\": \"happy\"}", "outcome");
		rejects(post("/api/v1/tasks/" + id + "/complete"), "{\"note\": \"no outcome\"}", "outcome");
		rejects(post("/api/v1/tasks/" + id + "/complete"), "{\"outcome\": 3}", "outcome");
		rejects(post("/api/v1/tasks/" + id + "/complete"),
				"{\"outcome\": \"reached\", \"note\": \"" + "x".repeat(2001) + "\"}", "note");
		rejects(get("/api/v1/tasks?status=later"), null, "status");
		rejects(get("/api/v1/tasks?assignee=someone"), null, "assignee");
		rejects(get("/api/v1/tasks?accountId=987654321"), null, "accountId");
		call(manager, post("/api/v1/tasks/987654321/complete"), "{\"outcome\": \"reached\"}")
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldLetAgentsReadButOnlySuccessManagersChangeAndHideTasksFromCustomers() throws Exception {
		long id = tasks.create(account.id(), manager.id(), "Kickoff call", null, false, today, null);
		Person support = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomerOf(account.id());

		call(support, get("/api/v1/tasks?accountId=" + account.id()), null).andExpect(status().isOk());
		call(support, post("/api/v1/tasks/" + id + "/complete"), "{\"outcome\": \"reached\"}")
			.andExpect(status().isForbidden());
		call(customer, get("/api/v1/tasks"), null).andExpect(status().isNotFound());
		call(customer, get("/api/v1/playbooks"), null).andExpect(status().isNotFound());
	}

	@Test
	void shouldListPlaybooksWithTheirRunsAndLetOnlyAdminsPauseThem() throws Exception {
		Playbook p = playbooks.create(onFlag("API rescue", "little-engagement", manager.id(), task("Call", 2)));
		Person admin = fixtures.anAdmin();

		call(manager, get("/api/v1/playbooks"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + p.id() + ")].trigger.kind").value("flag-raised"))
			.andExpect(jsonPath("$[?(@.id == " + p.id() + ")].trigger.flag").value("little-engagement"))
			.andExpect(jsonPath("$[?(@.id == " + p.id() + ")].steps[0].dueDays").value(2))
			.andExpect(jsonPath("$[?(@.builtinKey == 'onboarding')].trigger.kind").value("new-account"));
		call(manager, post("/api/v1/playbooks/" + p.id() + "/pause"), null).andExpect(status().isForbidden());
		call(admin, post("/api/v1/playbooks/" + p.id() + "/pause"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		call(admin, post("/api/v1/playbooks/" + p.id() + "/resume"), null).andExpect(jsonPath("$.active").value(true));

		call(manager, get("/api/v1/playbooks/" + p.id() + "/runs"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		call(manager, get("/api/v1/playbooks/987654321/runs"), null).andExpect(status().isNotFound());
	}

	private void rejects(MockHttpServletRequestBuilder request, String json, String field) throws Exception {
		call(manager, request, json).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private ResultActions call(Person who, MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", who.bearer());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}
}

package io.rapport.workflows.internal;

import java.time.Duration;

import io.rapport.Bundles;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin pages, the ticket page's panel and the API: what people see, and what they may not. */
class SlaPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SlaFixtures sla;

	@Autowired
	TargetStore targets;

	@Autowired
	PolicyStore policies;

	@Test
	void shouldKeepEveryLanguageComplete() {
		Bundles.assertEveryLanguageHasEveryKey("workflows");
	}

	@Test
	void shouldLetAnAdminCreateACalendarAndAPolicyAndShowAMessageForBadInput() throws Exception {
		Person admin = fixtures.anAdmin();
		String name = SlaFixtures.unique("Lisbon");
		mvc.perform(post("/admin/calendars").with(csrf()).with(signedInAs(admin)).param("name", name)
			.param("zone", "Europe/Lisbon").param("hours.MONDAY", "08:00-12:00, 13:00-17:00")
			.param("holidays", "2026-12-25 2027-01-01"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
		mvc.perform(get("/admin/calendars").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("08:00-12:00, 13:00-17:00")))
			.andExpect(content().string(containsString("2026-12-25 2027-01-01")));
		mvc.perform(post("/admin/calendars").with(csrf()).with(signedInAs(admin)).param("name", "Nowhere")
			.param("zone", "Mars/Olympus"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("Mars/Olympus")));
		mvc.perform(post("/admin/calendars").with(csrf()).with(signedInAs(admin)).param("name", "Bad hours")
			.param("zone", "UTC").param("hours.MONDAY", "nine to five"))
			.andExpect(flash().attribute("error", containsString("nine to five")));

		String policy = SlaFixtures.unique("Gold");
		mvc.perform(post("/admin/sla").with(csrf()).with(signedInAs(admin)).param("name", policy)
			.param("priority", "URGENT").param("calendarId", "1").param("accountId", "987654321")
			.param("firstReplyMinutes", "30").param("resolutionMinutes", "240").param("raisePriority", "on")
			.param("moveToGroup", "tier2"))
			.andExpect(flash().attributeExists("notice"));
		mvc.perform(get("/admin/sla").with(signedInAs(admin)))
			.andExpect(status().isOk()).andExpect(content().string(containsString(policy)));
		mvc.perform(post("/admin/sla").with(csrf()).with(signedInAs(admin)).param("name", "No targets")
			.param("priority", "LOW").param("calendarId", "1"))
			.andExpect(flash().attribute("error", containsString("target")));
		mvc.perform(post("/admin/sla").with(csrf()).with(signedInAs(admin)).param("name", "Bad pct")
			.param("priority", "LOW").param("calendarId", "1").param("firstReplyMinutes", "10")
			.param("warnFirstPct", "95").param("warnSecondPct", "90"))
			.andExpect(flash().attributeExists("error"));
	}

	@Test
	void shouldKeepAgentsOutOfTheAdminPages() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		mvc.perform(get("/admin/sla").with(signedInAs(agent))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/calendars").with(signedInAs(agent))).andExpect(status().isForbidden());
	}

	@Test
	void shouldShowTheTargetsOnTheTicketPageAndInTheApiToAgentsOnly() throws Exception {
		AccountView account = fixtures.anAccount();
		sla.normal(account.id(), sla.alwaysOpen(), 60, 30, 600);
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomerOf(account.id());
		TicketView ticket = fixtures.aTicketFrom(customer, "Dashboard blank");
		await().atMost(Duration.ofSeconds(20)).until(() -> targets.ofTicket(ticket.id()).size() == 2);
		clock.set(START.plus(Duration.ofMinutes(50)));

		mvc.perform(get("/tickets/" + ticket.id()).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/tickets/" + ticket.id() + "/sla")));
		mvc.perform(get("/tickets/" + ticket.id() + "/sla").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-sla-state=\"WARNING\"")))
			.andExpect(content().string(containsString("10 min left")))
			.andExpect(content().string(containsString("data-sla-state=\"OK\"")));
		mvc.perform(get("/api/v1/tickets/" + ticket.id() + "/sla").header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].kind").value("FIRST_REPLY"))
			.andExpect(jsonPath("$[0].state").value("WARNING"))
			.andExpect(jsonPath("$[0].businessSecondsLeft").value(600))
			.andExpect(jsonPath("$[1].kind").value("RESOLUTION"));
		mvc.perform(get("/api/v1/tickets/" + ticket.id() + "/sla").header("Authorization", customer.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/tickets/999999999/sla").header("Authorization", agent.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/tickets").param("view", "all").param("sort", "due").with(signedInAs(agent)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("sla-due")));
	}
}

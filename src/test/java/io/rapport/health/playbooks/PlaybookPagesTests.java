package io.rapport.health.playbooks;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.health.HealthFlagRaised;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admins create a playbook with the edit form (a wrong field is named), pause it, and read its runs with each
 * step's outcome; the Tasks page, its sidebar entry and the account page's tasks section show what a run made.
 */
class PlaybookPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Playbooks playbooks;

	@Autowired
	PlaybookEngine engine;

	@Autowired
	AccountsApi accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskTimeline timeline;

	@AfterEach
	void pauseTestPlaybooks() {
		jdbc.update("update playbooks set active = false where builtin_key is null");
	}

	@Test
	void shouldCreatePauseAndListTheRunsOfAPlaybookFromTheAdminPages() throws Exception {
		Person admin = fixtures.anAdmin();
		Person manager = fixtures.anAgentIn("success");
		AccountView account = fixtures.anAccount();
		accounts.setOwner(account.id(), manager.id());
		String name = "Detractor rescue " + System.nanoTime();

		mvc.perform(get("/admin/playbooks").with(signedInAs(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Proactive onboarding")))
			.andExpect(content().string(containsString("Renewal within 60 days")));
		mvc.perform(get("/admin/playbooks/new").with(signedInAs(admin))).andExpect(status().isOk());
		mvc.perform(post("/admin/playbooks").with(csrf()).with(signedInAs(admin)).param("name", name)
			.param("trigger", "SCORE_DROP").param("points", "500").param("stepKind", "TASK")
			.param("stepTitle", "Call").param("stepDue", "1").param("stepBody", "").param("stepTemplate", ""))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Points fallen: Give a whole number")));
		mvc.perform(post("/admin/playbooks").with(csrf()).with(signedInAs(admin)).param("name", name)
			.param("active", "on").param("trigger", "FLAG_RAISED").param("flag", "help-did-not-help")
			.param("ownerId", String.valueOf(manager.id()))
			.param("stepKind", "TASK", "EMAIL", "TASK").param("stepTitle", "Read the tickets", "Mail", "")
			.param("stepDue", "1", "", "").param("stepBody", "Which went wrong?", "", "")
			.param("stepTemplate", "", "success.checkin", ""))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
		Playbook saved = playbooks.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
		assertThat(saved.steps()).extracting(Step::kind).containsExactly(StepKind.TASK, StepKind.EMAIL);
		assertThat(saved.conditions().ownerId()).isEqualTo(manager.id());

		engine.fire(PlaybookTriggers.occurrencesOf(new HealthFlagRaised(account.id(), "help-did-not-help", "",
				clock.instant())).get(0));
		mvc.perform(get("/admin/playbooks/" + saved.id() + "/runs").with(signedInAs(admin)))
			.andExpect(status().isOk()).andExpect(content().string(containsString(account.name())))
			.andExpect(content().string(containsString("not sent: the account has no contacts")));
		mvc.perform(get("/admin/playbooks/" + saved.id()).with(signedInAs(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Read the tickets")));

		mvc.perform(post("/admin/playbooks/" + saved.id() + "/pause").with(csrf()).with(signedInAs(admin)))
			.andExpect(status().is3xxRedirection());
		assertThat(playbooks.find(saved.id()).orElseThrow().active()).isFalse();
		mvc.perform(get("/admin/playbooks").with(signedInAs(manager))).andExpect(status().isForbidden());
	}

	@Test
	void shouldShowTasksWithTheOverdueCountAndCompleteOneFromTheAccountPage() throws Exception {
		Person manager = fixtures.anAgentIn("success");
		AccountView account = fixtures.anAccount();
		accounts.setOwner(account.id(), manager.id());
		LocalDate today = LocalDate.ofInstant(START, ZoneOffset.UTC);
		Tasks tasks = new Tasks(jdbc, clock);
		long late = tasks.create(account.id(), manager.id(), "Late kickoff call", null, false, today.minusDays(3),
				null);
		tasks.create(account.id(), manager.id(), "First value yet?", null, true, today.plusDays(4), null);

		mvc.perform(get("/tasks").with(signedInAs(manager))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Late kickoff call")))
			.andExpect(content().string(containsString("Value event so far: not yet.")))
			.andExpect(content().string(containsString("href=\"/tasks\"")));
		mvc.perform(get("/tasks").param("view", "overdue").with(signedInAs(manager))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Late kickoff call")));
		mvc.perform(get("/accounts/" + account.id()).with(signedInAs(manager))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Late kickoff call")));

		mvc.perform(post("/tasks/" + late + "/complete").with(csrf()).with(signedInAs(manager))
			.param("outcome", "escalated").param("note", "Tier 2 has it").param("back", "/accounts/" + account.id()
					+ "#tasks"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("taskNotice"));
		assertThat(tasks.find(late).orElseThrow().outcome()).isEqualTo(TaskOutcome.ESCALATED);
		mvc.perform(post("/tasks/" + late + "/complete").with(csrf()).with(signedInAs(manager))
			.param("outcome", "reached").param("back", "https://elsewhere.example/"))
			.andExpect(flash().attributeExists("taskError"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/tasks"));
		mvc.perform(get("/accounts/" + account.id()).with(signedInAs(manager))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Tier 2 has it")));
		assertThat(timeline.entries(account.id(), clock.instant().plusSeconds(1), 10, java.util.Locale.ENGLISH))
			.filteredOn(e -> e.kind().equals("task.completed")).singleElement().satisfies(e -> {
				assertThat(e.text()).isEqualTo("Task done: Late kickoff call (Escalated)");
				assertThat(e.detail()).isEqualTo("Tier 2 has it");
				assertThat(e.actor()).isEqualTo(manager.user().name());
			});
	}
}

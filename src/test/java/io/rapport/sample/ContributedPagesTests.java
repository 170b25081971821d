package io.rapport.sample;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.ControllerAdvice;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A module the web module does not name gets the layout, the sidebar and the error pages by contributing. */
class ContributedPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldRenderANewModulesPageInTheLayoutWithEveryModulesEntries() throws Exception {
		String page = mvc.perform(get("/sample").with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Sample module page", "My unsolved tickets", "Tier 1", "New ticket",
				"Your profile", SamplePage.QUEUE);
		assertThat(page).containsPattern("is-active\" href=\"/sample\">\\s*<span>" + SamplePage.QUEUE + "</span>\\s*<span class=\"count\">7</span>");
		assertThat(page).doesNotContain("/admin/agents");
	}

	@Test
	void shouldShowAdminLinksOfEveryModuleToAdminsOnly() throws Exception {
		String page = mvc.perform(get("/admin").with(signedInAs(fixtures.anAdmin())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("/admin/agents", "/admin/groups", "/admin/accounts", "/admin/contacts",
				"/swagger-ui.html");
	}

	@Test
	void shouldAnswerANewModulesMissingThingWithTheWorkspaceNotFoundPage() throws Exception {
		String page = mvc.perform(get("/sample/missing").with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("error-code", "404");
	}

	@Test
	void shouldNameNoModulePackageInTheWebModulesAdvices() throws ClassNotFoundException {
		for (String advice : new String[] { "io.rapport.web.NavigationAdvice", "io.rapport.web.PageErrors" }) {
			ControllerAdvice annotation = Class.forName(advice).getAnnotation(ControllerAdvice.class);
			assertThat(annotation.basePackages()).as(advice).isEmpty();
			assertThat(annotation.value()).as(advice).isEmpty();
		}
	}
}

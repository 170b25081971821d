package io.rapport.identity.internal;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AdminPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	IdentityApi identity;

	@Test
	void shouldForbidTheAdminAreaToAgents() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		for (String page : new String[] { "/admin", "/admin/agents", "/admin/groups", "/admin/accounts",
				"/admin/contacts" }) {
			mvc.perform(get(page).with(signedInAs(agent))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/tickets").with(signedInAs(agent)))
			.andExpect(content().string(not(containsString("href=\"/admin"))));
	}

	@Test
	void shouldRenderEveryAdminPageForAnAdmin() throws Exception {
		Person admin = fixtures.anAdmin();
		var account = fixtures.anAccount();
		for (String page : new String[] { "/admin", "/admin/agents", "/admin/agents/new", "/admin/agents/" + admin.id(),
				"/admin/groups", "/admin/accounts", "/admin/accounts/new", "/admin/accounts/" + account.id(),
				"/admin/contacts", "/admin/contacts/new" }) {
			mvc.perform(get(page).with(signedInAs(admin))).andExpect(status().isOk());
		}
		mvc.perform(get("/admin").with(signedInAs(admin)))
			.andExpect(content().string(containsString("/swagger-ui.html")))
			.andExpect(content().string(containsString("/v3/api-docs")));
	}

	@Test
	void shouldCreateAnAgentInTier2() throws Exception {
		String email = "new-" + System.nanoTime() + "@rapport.test";
		mvc.perform(post("/admin/agents/new").param("email", email).param("name", "Li Wei").param("role", "AGENT")
			.param("active", "true").param("groups", "tier2").param("password", "a-long-password")
			.with(csrf()).with(signedInAs(fixtures.anAdmin())))
			.andExpect(status().isFound());

		assertThat(identity.agents()).filteredOn(agent -> agent.email().equals(email)).singleElement()
			.satisfies(agent -> assertThat(agent.groups()).containsExactly("tier2"));
	}

	@Test
	void shouldShowWhyAnAgentCannotBeCreated() throws Exception {
		Person admin = fixtures.anAdmin();
		mvc.perform(post("/admin/agents/new").param("email", admin.email()).param("name", "Twin").param("role", "AGENT")
			.param("password", "short").with(csrf()).with(signedInAs(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at least 10 characters")));
	}

	@Test
	void shouldNotLetAnAdminLockThemselvesOut() throws Exception {
		Person admin = fixtures.anAdmin();
		mvc.perform(post("/admin/agents/{id}", admin.id()).param("name", "Me").param("role", "AGENT")
			.param("active", "true").with(csrf()).with(signedInAs(admin)))
			.andExpect(status().isBadRequest());
		assertThat(identity.agent(admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void shouldCreateAndRenameAGroup() throws Exception {
		Person admin = fixtures.anAdmin();
		String key = "g" + (System.nanoTime() % 1_000_000);
		mvc.perform(post("/admin/groups").param("key", key).param("name", "Onboarding").with(csrf())
			.with(signedInAs(admin)))
			.andExpect(status().isFound());
		long id = identity.requireGroup("key", key).id();
		mvc.perform(post("/admin/groups/{id}", id).param("name", "Onboarding & adoption").with(csrf())
			.with(signedInAs(admin)))
			.andExpect(status().isFound());
		assertThat(identity.group(id).orElseThrow().name()).isEqualTo("Onboarding & adoption");

		mvc.perform(post("/admin/groups").param("key", "Not A Key!").param("name", "x").with(csrf())
			.with(signedInAs(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("field-error")));
	}
}

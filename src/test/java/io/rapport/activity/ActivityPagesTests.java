package io.rapport.activity;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin pages: write keys (shown once, revoked) and usage events (marked), reachable from Admin, admins only. */
class ActivityPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ActivityApi activity;

	@Test
	void shouldShowANewKeyOnceAndRevokeIt() throws Exception {
		Person admin = fixtures.anAdmin();
		MvcResult created = mvc.perform(post("/admin/write-keys").param("name", "Mobile app").with(csrf())
			.with(signedInAs(admin))).andExpect(status().is3xxRedirection()).andReturn();
		var key = (io.rapport.activity.internal.WriteKeys.Created) created.getFlashMap().get("created");
		assertThat(key.key()).hasSize(32);

		mvc.perform(get("/admin/write-keys").flashAttr("created", key).with(signedInAs(admin)))
			.andExpect(status().isOk()).andExpect(content().string(containsString(key.key())));
		mvc.perform(get("/admin/write-keys").with(signedInAs(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Mobile app")))
			.andExpect(content().string(containsString("…" + key.key().substring(28))))
			.andExpect(content().string(not(containsString(key.key()))));

		mvc.perform(post("/admin/write-keys/" + key.id() + "/revoke").with(csrf()).with(signedInAs(admin)))
			.andExpect(flash().attributeExists("notice"));
		mvc.perform(post("/v1/track").header("Authorization", TrackingApiTests.basic(key.key()))
			.contentType("application/json").content("{\"userId\": \"u\", \"event\": \"e\"}"))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/admin/write-keys").param("name", "").with(csrf()).with(signedInAs(admin)))
			.andExpect(flash().attributeExists("error"));
	}

	@Test
	void shouldMarkValueEventsAndCoreFeatures() throws Exception {
		Person admin = fixtures.anAdmin();
		mvc.perform(get("/admin/usage-events").with(signedInAs(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Session Ended")))
			.andExpect(content().string(containsString("Content Downloaded")));
		mvc.perform(post("/admin/usage-events").param("event", "Feature Used").param("valueEvent", "true")
			.param("coreFeature", "true").with(csrf()).with(signedInAs(admin))).andExpect(flash().attributeExists("notice"));
		mvc.perform(post("/admin/usage-events").param("event", "Email Opened").param("coreFeature", "true")
			.with(csrf()).with(signedInAs(admin)));
		assertThat(activity.valueEvents()).contains("Feature Used").doesNotContain("Email Opened");
		assertThat(activity.coreFeatures()).contains("Feature Used", "Email Opened");

		mvc.perform(post("/admin/usage-events").param("event", "Never Sent Anywhere").with(csrf())
			.with(signedInAs(admin))).andExpect(flash().attributeExists("error"));
	}

	@Test
	void shouldBeReachableFromAdminForAdminsOnly() throws Exception {
		mvc.perform(get("/admin").with(signedInAs(fixtures.anAdmin()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/write-keys")))
			.andExpect(content().string(containsString("/admin/usage-events")));
		Person agent = fixtures.anAgentIn("tier1");
		mvc.perform(get("/admin/write-keys").with(signedInAs(agent))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/usage-events").with(signedInAs(agent))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/write-keys").param("name", "x").with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/write-keys").param("name", "x").with(signedInAs(fixtures.anAdmin())))
			.andExpect(status().isForbidden());
	}
}

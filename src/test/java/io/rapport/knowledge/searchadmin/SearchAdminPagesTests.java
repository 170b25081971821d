package io.rapport.knowledge.searchadmin;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.shared.search.SearchSynonyms;
import org.junit.jupiter.api.AfterEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admin → Search: admins add, edit and delete synonyms per language and rebuild the indexes; nobody else reaches
 * the page, and every change needs the CSRF token.
 */
class SearchAdminPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SearchSynonyms synonyms;

	@AfterEach
	void deleteGroups() {
		for (String language : List.of("en", "zh", "ro", "ta", "eo", "any")) {
			synonyms.list(language).forEach(g -> synonyms.delete(g.id()));
		}
	}

	@Test
	void anAdminAddsEditsAndDeletesSynonymsOfALanguage() throws Exception {
		var admin = fixtures.anAdmin();
		mvc.perform(get("/admin").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/search")));

		mvc.perform(post("/admin/search/synonyms").with(csrf()).with(signedInAs(admin))
			.param("language", "ro")
			.param("terms", "parolă\ncod de acces"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/search?language=ro"));
		var group = synonyms.list("ro").get(0);
		assertThat(group.terms()).containsExactly("parolă", "cod de acces");
		mvc.perform(get("/admin/search").param("language", "ro").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cod de acces")))
			.andExpect(content().string(containsString("SearchTestDocument")));

		mvc.perform(get("/admin/search/synonyms/" + group.id()).with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cod de acces")));
		mvc.perform(post("/admin/search/synonyms/" + group.id()).with(csrf()).with(signedInAs(admin))
			.param("terms", "parolă, cod de acces, <script>alert(1)</script>"))
			.andExpect(status().is3xxRedirection());
		assertThat(synonyms.of("ro").groups().get(0)).hasSize(3);
		mvc.perform(get("/admin/search").param("language", "ro").with(signedInAs(admin)))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));

		mvc.perform(post("/admin/search/synonyms/" + group.id() + "/delete").with(csrf()).with(signedInAs(admin)))
			.andExpect(status().is3xxRedirection());
		assertThat(synonyms.list("ro")).isEmpty();
		mvc.perform(post("/admin/search/synonyms/" + group.id() + "/delete").with(csrf()).with(signedInAs(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aGroupOfOneTermIsShownBesideTheFieldNeverAServerError() throws Exception {
		var admin = fixtures.anAdmin();
		mvc.perform(post("/admin/search/synonyms").with(csrf()).with(signedInAs(admin))
			.param("language", "en")
			.param("terms", "invoice"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at least 2 different terms")));
		mvc.perform(post("/admin/search/synonyms").with(csrf()).with(signedInAs(admin)).param("language", "xx"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/admin/search/synonyms/abc").with(signedInAs(admin))).andExpect(status().is4xxClientError());
		assertThat(synonyms.list("en")).isEmpty();
	}

	@Test
	void anAdminRebuildsTheIndexesAndSeesTheProgress() throws Exception {
		var admin = fixtures.anAdmin();
		mvc.perform(post("/admin/search/rebuild").with(csrf()).with(signedInAs(admin)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/search"));
		mvc.perform(get("/admin/search/indexes").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SearchTestDocument")))
			.andExpect(content().string(containsString("<progress")));
		mvc.perform(post("/admin/search/rebuild").param("entity", "Nothing").with(csrf()).with(signedInAs(admin)))
			.andExpect(status().isNotFound());
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> !indexes.busy());
	}

	@Autowired
	io.rapport.shared.search.SearchIndexes indexes;

	@Test
	void agentsCustomersAndRequestsWithoutTheTokenAreRefused() throws Exception {
		var agent = fixtures.anAgentIn("tier1");
		mvc.perform(get("/admin/search").with(signedInAs(agent))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/search/indexes").with(signedInAs(agent))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/search/rebuild").with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/search/synonyms").with(csrf()).with(signedInAs(agent))
			.param("language", "en").param("terms", "a, b")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/search/synonyms").with(signedInAs(fixtures.anAdmin()))
			.param("language", "en").param("terms", "a, b")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/search")).andExpect(status().is3xxRedirection());
		assertThat(synonyms.list("en")).isEmpty();
	}

}

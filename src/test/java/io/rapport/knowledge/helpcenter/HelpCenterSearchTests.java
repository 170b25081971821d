package io.rapport.knowledge.helpcenter;

import java.time.Duration;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Search in the help center and the API: published public articles for customers and anonymous callers (internal
 * ones for agents too), highlighted snippets, paging, and every search logged for the reports.
 */
class HelpCenterSearchTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	KbFixtures kb;

	@BeforeEach
	void writers() {
		kb = new KbFixtures(mvc, fixtures);
	}

	@Test
	void shouldFindPublishedArticlesWithHighlightedSnippetsAndLogTheSearch() throws Exception {
		String word = "zorblat" + System.nanoTime() % 100000;
		KbFixtures.Article article = kb.published("Configure the " + word + " connector",
				"The " + word + " connector syncs your invoices every hour.");

		String page = mvc.perform(get("/help/en/search").param("q", "  " + word.toUpperCase() + "  "))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("/help/en/articles/" + article.slug() + "?sid=", "<mark>", "1 result");
		assertThat(jdbc.queryForList("select result_count from knowledge_searches where query = ? and locale = 'en' "
				+ "and source = 'PAGE'", Integer.class, word)).containsExactly(1);
	}

	@Test
	void shouldRecordTheResultOpenedFromASearch() throws Exception {
		String word = "quibbix" + System.nanoTime() % 100000;
		KbFixtures.Article article = kb.published("Rotate " + word + " keys", "Rotate the " + word + " keys yearly.");
		String page = mvc.perform(get("/help/en/search").param("q", word)).andReturn().getResponse().getContentAsString();
		String sid = page.replaceAll("(?s).*\\?sid=([0-9]+\\.[0-9a-f]+).*", "$1");

		mvc.perform(get("/help/en/articles/" + article.slug()).param("sid", sid)).andExpect(status().isOk());
		mvc.perform(get("/help/en/articles/" + article.slug()).param("sid", sid.substring(0, sid.indexOf('.')) + ".0000000000000000"))
			.andExpect(status().isOk());

		assertThat(jdbc.queryForList("select clicked_article_id from knowledge_searches where query = ?", Long.class, word))
			.containsExactly(article.id());
	}

	@Test
	void shouldNeverFindInternalOrDraftArticlesForCustomersButFindInternalOnesForAgents() throws Exception {
		String word = "plonkit" + System.nanoTime() % 100000;
		long category = kb.category("Search access");
		KbFixtures.Article published = kb.article(category, "Public " + word, "Everyone reads " + word + ".", "PUBLIC",
				"PUBLISHED", "GUIDE", null);
		KbFixtures.Article internal = kb.article(category, "Internal " + word, "Agents read " + word + ".", "INTERNAL",
				"PUBLISHED", "GUIDE", null);
		KbFixtures.Article draft = kb.article(category, "Draft " + word, "Nobody reads " + word + " yet.", "PUBLIC",
				"DRAFT", "GUIDE", null);

		String page = mvc.perform(get("/help/en/search").param("q", word)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(published.slug()).doesNotContain(internal.slug(), draft.slug());
		String instant = mvc.perform(get("/help/en/search/instant").param("q", word)).andReturn().getResponse()
			.getContentAsString();
		assertThat(instant).contains(published.slug()).doesNotContain(internal.slug(), draft.slug());

		mvc.perform(get("/api/v1/search/articles").param("q", word).param("locale", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].articleId").value(hasItem((int) published.id())))
			.andExpect(jsonPath("$.items[*].articleId").value(not(hasItem((int) internal.id()))))
			.andExpect(jsonPath("$.items[*].articleId").value(not(hasItem((int) draft.id()))));
		Fixtures.Person customer = fixtures.aCustomer();
		mvc.perform(get("/api/v1/search/articles").param("q", word).header("Authorization", customer.bearer()))
			.andExpect(jsonPath("$.items[*].articleId").value(not(hasItem((int) internal.id()))));
		Fixtures.Person agent = fixtures.anAgentIn("tier1");
		mvc.perform(get("/api/v1/search/articles").param("q", word).param("locale", "en")
			.header("Authorization", agent.bearer()))
			.andExpect(jsonPath("$.items[*].articleId").value(hasItem((int) internal.id())))
			.andExpect(jsonPath("$.items[*].articleId").value(not(hasItem((int) draft.id()))));
	}

	@Test
	void shouldNotShowInternalOrDraftArticlesAmongRelatedArticles() throws Exception {
		long category = kb.category("Related access");
		KbFixtures.Article shown = kb.article(category, "Schedule reports", "Reports go out weekly.", "PUBLIC",
				"PUBLISHED", "GUIDE", null);
		KbFixtures.Article sibling = kb.article(category, "Share reports", "Reports can be shared.", "PUBLIC",
				"PUBLISHED", "GUIDE", null);
		KbFixtures.Article internal = kb.article(category, "Report internals", "Reports run on a queue.", "INTERNAL",
				"PUBLISHED", "GUIDE", null);
		KbFixtures.Article draft = kb.article(category, "Report drafts", "Reports will change.", "PUBLIC", "DRAFT",
				"GUIDE", null);

		String page = mvc.perform(get("/help/en/articles/" + shown.slug())).andReturn().getResponse().getContentAsString();

		assertThat(page).contains(sibling.slug()).doesNotContain(internal.slug(), draft.slug(), "Report internals");
	}

	@Test
	void shouldAnswerProblemsNamingTheFieldForBadSearches() throws Exception {
		mvc.perform(get("/api/v1/search/articles")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get("/api/v1/search/articles").param("q", " ")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get("/api/v1/search/articles").param("q", "x".repeat(201))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get("/api/v1/search/articles").param("q", "invoice").param("locale", "xx"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("locale"));
		mvc.perform(get("/api/v1/search/articles").param("q", "invoice").param("size", "500"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get("/api/v1/search/articles").param("q", "invoice").param("page", "-1"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("page"));
		mvc.perform(get("/help/en/search").param("page", "abc").param("q", "x")).andExpect(status().isBadRequest());
	}

	@Test
	void shouldReportSearchesThatFoundNothingPerLocaleWithCountsInThePeriod() throws Exception {
		String missing = "kerfuffle" + System.nanoTime() % 100000;
		clock.advance(Duration.ofDays(-40));
		mvc.perform(get("/help/en/search").param("q", missing + " old"));
		clock.set(START);
		mvc.perform(get("/help/en/search").param("q", missing));
		mvc.perform(get("/help/en/search").param("q", missing.toUpperCase()));
		mvc.perform(get("/help/ro/search").param("q", missing));
		mvc.perform(get("/api/v1/search/articles").param("q", missing).param("locale", "ro"));
		Fixtures.Person agent = fixtures.anAgentIn("tier1");

		String report = mvc.perform(get("/knowledge/reports").param("days", "30").with(signedInAs(agent)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String nothingFound = report.substring(report.indexOf("id=\"nothing-found\""), report.indexOf("id=\"top-searches\""));

		assertThat(nothingFound).contains(missing).doesNotContain(missing + " old");
		assertThat(rows(nothingFound, missing)).containsExactlyInAnyOrder("en|2", "ro|2");
		String romanian = mvc.perform(get("/knowledge/reports").param("days", "90").param("locale", "ro")
			.with(signedInAs(agent))).andReturn().getResponse().getContentAsString();
		String romanianRows = romanian.substring(romanian.indexOf("id=\"nothing-found\""), romanian.indexOf("id=\"top-searches\""));
		assertThat(rows(romanianRows, missing)).containsExactly("ro|2");
		assertThat(romanianRows).doesNotContain(missing + " old");
		mvc.perform(get("/knowledge/reports").with(signedInAs(fixtures.aCustomer()))).andExpect(status().is4xxClientError());
	}

	/** The rows of a report table for one query, as "locale|count". */
	private static List<String> rows(String html, String query) {
		List<String> rows = new java.util.ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile("<td[^>]*>" + query + "</td><td>([a-z]{2})</td><td class=\"num\">(\\d+)</td>").matcher(html);
		while (matcher.find()) {
			rows.add(matcher.group(1) + "|" + matcher.group(2));
		}
		return rows;
	}
}

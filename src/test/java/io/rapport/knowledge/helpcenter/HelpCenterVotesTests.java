package io.rapport.knowledge.helpcenter;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Was this helpful?": one vote per visitor and article, changeable, a comment with a "no", on pages and API. */
class HelpCenterVotesTests extends IntegrationTest {

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
	void shouldKeepOneVotePerAnonymousVisitorAndLetThemChangeIt() throws Exception {
		KbFixtures.Article article = kb.published("Set up two-factor sign-in", "Scan the code.");
		String url = "/help/en/articles/" + article.slug() + "/vote";

		MvcResult first = mvc.perform(post(url).with(csrf()).param("helpful", "true"))
			.andExpect(redirectedUrl("/help/en/articles/" + article.slug() + "?voted#vote")).andReturn();
		Cookie visitor = first.getResponse().getCookie(Readers.COOKIE);
		assertThat(visitor).isNotNull();
		assertThat(visitor.isHttpOnly()).isTrue();
		assertThat(first.getResponse().getHeader("Set-Cookie")).contains("SameSite=Lax");
		assertThat(visitor.getValue()).doesNotContain("@");

		mvc.perform(post(url).with(csrf()).cookie(visitor).param("helpful", "false")).andExpect(status().is3xxRedirection());
		mvc.perform(post(url).with(csrf()).cookie(visitor).param("helpful", "false")
			.param("comment", "The screenshots show the old menu.")).andExpect(status().is3xxRedirection());
		mvc.perform(post(url).with(csrf()).param("helpful", "true")).andExpect(status().is3xxRedirection());

		assertThat(votes(article.id())).containsExactlyInAnyOrder("no: The screenshots show the old menu.", "yes");
		String page = mvc.perform(get("/help/en/articles/" + article.slug()).cookie(visitor))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("aria-pressed=\"true\"", "What was missing?", "The screenshots show the old menu.");
	}

	@Test
	void shouldRefuseAVoteWithoutTheCsrfToken() throws Exception {
		KbFixtures.Article article = kb.published("Cancel a subscription", "Billing, then Cancel.");

		mvc.perform(post("/help/en/articles/" + article.slug() + "/vote").param("helpful", "true"))
			.andExpect(status().isForbidden());
		assertThat(votes(article.id())).isEmpty();
	}

	@Test
	void shouldIgnoreAForgedVisitorCookie() throws Exception {
		KbFixtures.Article article = kb.published("Download your data", "Settings, then Export.");
		String url = "/help/en/articles/" + article.slug() + "/vote";
		Cookie forged = new Cookie(Readers.COOKIE, "MTk5OTk5OTk5OXxzb21lb25l.bm90LWEtc2lnbmF0dXJl");

		MvcResult result = mvc.perform(post(url).with(csrf()).cookie(forged).param("helpful", "true")).andReturn();

		assertThat(result.getResponse().getCookie(Readers.COOKIE).getValue()).isNotEqualTo(forged.getValue());
	}

	@Test
	void shouldKeepOneVotePerSignedInContactAcrossBrowsers() throws Exception {
		KbFixtures.Article article = kb.published("Reset your password", "Use the link on the sign-in page.");
		Fixtures.Person contact = fixtures.aCustomerOf(fixtures.anAccount().id());
		String url = "/help/en/articles/" + article.slug() + "/vote";

		mvc.perform(post(url).with(csrf()).with(signedInAs(contact)).param("helpful", "true"));
		mvc.perform(post(url).with(csrf()).with(signedInAs(contact)).param("helpful", "false"));

		assertThat(jdbc.queryForList("select voter from knowledge_votes where article_id = ?", String.class,
				article.id())).containsExactly("c:" + contact.id());
		assertThat(votes(article.id())).containsExactly("no");
	}

	@Test
	void shouldAnswerTheVotePanelInPlaceForHtmx() throws Exception {
		KbFixtures.Article article = kb.published("Add a custom domain", "Point a CNAME to us.");

		String fragment = mvc.perform(post("/help/en/articles/" + article.slug() + "/vote").with(csrf())
			.header("HX-Request", "true").param("helpful", "false"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(fragment).startsWith("<section id=\"vote\"").contains("What was missing?").doesNotContain("<html");
	}

	@Test
	void shouldTakeVotesThroughTheApiFromAnonymousCallersAndCustomers() throws Exception {
		KbFixtures.Article article = kb.published("Import contacts", "Upload a CSV.");
		String url = "/api/v1/kb/articles/" + article.id() + "/votes";

		MvcResult anonymous = mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON)
			.content("{\"locale\":\"en\",\"helpful\":false,\"comment\":\"Which columns?\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.helpful").value(false))
			.andExpect(jsonPath("$.comment").value("Which columns?")).andReturn();
		Cookie visitor = anonymous.getResponse().getCookie(Readers.COOKIE);
		mvc.perform(post(url).cookie(visitor).contentType(MediaType.APPLICATION_JSON)
			.content("{\"locale\":\"en\",\"helpful\":true}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.comment").doesNotExist());
		Fixtures.Person customer = fixtures.aCustomer();
		mvc.perform(post(url).header("Authorization", customer.bearer()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"locale\":\"en\",\"helpful\":true}")).andExpect(status().isOk());

		assertThat(votes(article.id())).hasSize(2);
	}

	@Test
	void shouldAnswerProblemsNamingTheFieldForBadVotes() throws Exception {
		KbFixtures.Article article = kb.published("Merge duplicate contacts", "Pick the one to keep.");
		String url = "/api/v1/kb/articles/" + article.id() + "/votes";

		mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"locale\":\"fr\",\"helpful\":true}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("locale"));
		mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"locale\":\"en\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("helpful"));
		mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON)
			.content("{\"locale\":\"en\",\"helpful\":false,\"comment\":\"" + "x".repeat(2001) + "\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("comment"));
		mvc.perform(post("/api/v1/kb/articles/999999999/votes").contentType(MediaType.APPLICATION_JSON)
			.content("{\"locale\":\"en\",\"helpful\":true}")).andExpect(status().isNotFound());
		assertThat(votes(article.id())).isEmpty();
	}

	@Test
	void shouldNotTakeVotesOnInternalOrDraftArticles() throws Exception {
		long category = kb.category("Vote access");
		KbFixtures.Article internal = kb.article(category, "Internal vote target", "Agents.", "INTERNAL", "PUBLISHED",
				"GUIDE", null);
		KbFixtures.Article draft = kb.article(category, "Draft vote target", "Soon.", "PUBLIC", "DRAFT", "GUIDE", null);

		for (KbFixtures.Article article : List.of(internal, draft)) {
			mvc.perform(post("/api/v1/kb/articles/" + article.id() + "/votes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"locale\":\"en\",\"helpful\":true}")).andExpect(status().isNotFound());
			mvc.perform(post("/help/en/articles/" + article.slug() + "/vote").with(csrf()).param("helpful", "true"))
				.andExpect(status().isNotFound());
			assertThat(votes(article.id())).isEmpty();
		}
	}

	/** The votes on an article as "yes", "no" or "no: comment". */
	private List<String> votes(long articleId) {
		return jdbc.query("select helpful, comment from knowledge_votes where article_id = ?",
				(row, n) -> (row.getBoolean(1) ? "yes" : "no") + (row.getString(2) == null ? "" : ": " + row.getString(2)),
				articleId);
	}
}

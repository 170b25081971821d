package io.rapport.knowledge;

import com.jayway.jsonpath.JsonPath;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.knowledge.internal.Article;
import io.rapport.knowledge.internal.ArticleTranslation.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The /api/v1/kb endpoints as agents, admins, customers and anonymous callers use them, with every refusal. */
class KnowledgeRestApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	KbFixtures kb;

	Person agent;

	Person admin;

	Person customer;

	@BeforeEach
	void people() {
		agent = fixtures.anAgentIn("tier1");
		admin = fixtures.anAdmin();
		customer = fixtures.aCustomer();
	}

	private ResultActions call(Person who, MockHttpServletRequestBuilder request, String json) throws Exception {
		if (who != null) {
			request.header("Authorization", who.bearer());
		}
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	private long createdId(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	@Test
	void shouldWriteAnArticleTranslateItReviseItAndFlagTheOutdatedTranslation() throws Exception {
		long id = createdId(call(agent, post("/api/v1/kb/articles"), """
				{"kind": "GUIDE", "title": "Setting up two-factor sign-in", "body": "Open **Security**.",
				 "keywords": ["2fa", "security"], "state": "PUBLISHED"}""")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/kb/articles/")))
			.andExpect(jsonPath("$.defaultLocale").value("en"))
			.andExpect(jsonPath("$.translations[0].slug").value("setting-up-two-factor-sign-in"))
			.andExpect(jsonPath("$.translations[0].html").value("<p>Open <strong>Security</strong>.</p>\n"))
			.andExpect(jsonPath("$.translations[0].revision").value(1)));

		call(agent, put("/api/v1/kb/articles/" + id + "/translations/ro"), """
				{"title": "Configurarea autentificării în doi pași", "body": "Deschideți **Securitate**.",
				 "state": "PUBLISHED"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slug").value("configurarea-autentificarii-in-doi-pasi"))
			.andExpect(jsonPath("$.sourceRevision").value(1))
			.andExpect(jsonPath("$.outdated").value(false));

		call(agent, put("/api/v1/kb/articles/" + id + "/translations/en"), """
				{"title": "Setting up two-factor sign-in", "body": "Open **Security** and scan the code.",
				 "state": "PUBLISHED"}""")
			.andExpect(jsonPath("$.revision").value(2));

		call(agent, get("/api/v1/kb/articles/" + id), null)
			.andExpect(jsonPath("$.translations[?(@.locale == 'ro')].outdated").value(hasItem(true)));
		call(agent, get("/api/v1/kb/articles?outdated=true&size=100"), null)
			.andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)));
		call(agent, get("/api/v1/kb/articles/" + id + "/translations/en/revisions"), null)
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].number").value(2))
			.andExpect(jsonPath("$[1].body").value("Open **Security**."));

		call(agent, post("/api/v1/kb/articles/" + id + "/translations/en/revisions/1/restore"), null)
			.andExpect(jsonPath("$.revision").value(3))
			.andExpect(jsonPath("$.body").value("Open **Security**."));
	}

	@Test
	void shouldShowCustomersAndAnonymousCallersOnlyPublishedPublicArticles() throws Exception {
		long published = kb.aPublishedArticle(agent.user(), "en", "Public kiwi guide", "Kiwi.");
		long internal = kb.anArticle(agent.user(), "en", "Internal kiwi runbook", "Kiwi.", State.PUBLISHED,
				Article.Visibility.INTERNAL);
		long draft = kb.anArticle(agent.user(), "en", "Draft kiwi guide", "Kiwi.", State.DRAFT,
				Article.Visibility.PUBLIC);
		kb.translate(agent.user(), published, "zh", "猕猴桃草稿", "草稿。", State.DRAFT);

		for (Person who : new Person[] { customer, null }) {
			call(who, get("/api/v1/kb/articles/" + published), null)
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.translations.length()").value(1))
				.andExpect(jsonPath("$.translations[0].body").doesNotExist())
				.andExpect(jsonPath("$.translations[0].authorId").doesNotExist())
				.andExpect(jsonPath("$.visibility").doesNotExist());
			call(who, get("/api/v1/kb/articles/" + internal), null).andExpect(status().isNotFound());
			call(who, get("/api/v1/kb/articles/" + draft), null).andExpect(status().isNotFound());
			call(who, get("/api/v1/kb/articles?q=kiwi&state=DRAFT&visibility=INTERNAL"), null)
				.andExpect(jsonPath("$.items[*].id").value(hasItem((int) published)))
				.andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) internal))))
				.andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) draft))));
			call(who, get("/api/v1/kb/articles?size=100&state=DRAFT"), null)
				.andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) draft))));
			call(who, get("/api/v1/kb/articles/" + published + "/translations/en/revisions"), null)
				.andExpect(status().isNotFound());
		}
		call(agent, get("/api/v1/kb/articles/" + internal), null).andExpect(status().isOk());
	}

	@Test
	void shouldLetOnlyAgentsWriteAndOnlyAdminsManageCategories() throws Exception {
		long id = kb.aPublishedArticle(agent.user(), "en", "Locked lemur article", "Lemur.");
		String body = """
				{"title": "Changed", "body": "Changed.", "state": "DRAFT"}""";
		call(customer, put("/api/v1/kb/articles/" + id + "/translations/en"), body).andExpect(status().isNotFound());
		call(null, put("/api/v1/kb/articles/" + id + "/translations/en"), body).andExpect(status().isUnauthorized());
		call(customer, post("/api/v1/kb/articles"), body).andExpect(status().isNotFound());
		call(customer, delete("/api/v1/kb/articles/" + id), null).andExpect(status().isNotFound());
		call(agent, post("/api/v1/kb/categories"), """
				{"names": {"en": "Lemurs"}}""").andExpect(status().isForbidden());
		call(customer, post("/api/v1/kb/categories"), """
				{"names": {"en": "Lemurs"}}""").andExpect(status().isNotFound());

		call(agent, delete("/api/v1/kb/articles/" + id), null).andExpect(status().isNoContent());
		call(agent, get("/api/v1/kb/articles/" + id), null).andExpect(status().isNotFound());
	}

	@Test
	void shouldNestCategoriesTwoLevelsAndCountWhatTheCallerCanRead() throws Exception {
		long top = createdId(call(admin, post("/api/v1/kb/categories"), """
				{"names": {"en": "Billing koala", "zh": "账单考拉"}, "descriptions": {"en": "Invoices and plans"}}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.slug").value("billing-koala")));
		long child = createdId(call(admin, post("/api/v1/kb/categories"), """
				{"names": {"en": "Koala invoices"}, "parentId": %d}""".formatted(top))
			.andExpect(status().isCreated()));
		call(admin, post("/api/v1/kb/categories"), """
				{"names": {"en": "Too deep"}, "parentId": %d}""".formatted(child))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parentId"));
		kb.inCategory(agent.user(), child, "Public koala invoice", State.PUBLISHED, Article.Visibility.PUBLIC);
		kb.inCategory(agent.user(), child, "Internal koala invoice", State.PUBLISHED, Article.Visibility.INTERNAL);

		call(customer, get("/api/v1/kb/categories?locale=zh"), null)
			.andExpect(jsonPath("$[?(@.id == %d)].name".formatted(top)).value(hasItem("账单考拉")))
			.andExpect(jsonPath("$[?(@.id == %d)].articleCount".formatted(top)).value(hasItem(1)))
			.andExpect(jsonPath("$[?(@.id == %d)].children[0].name".formatted(top)).value(hasItem("Koala invoices")))
			.andExpect(jsonPath("$[?(@.id == %d)].names".formatted(top)).value(not(hasItem(nullValue()))));
		call(agent, get("/api/v1/kb/categories"), null)
			.andExpect(jsonPath("$[?(@.id == %d)].articleCount".formatted(top)).value(hasItem(2)));

		call(admin, delete("/api/v1/kb/categories/" + top), null).andExpect(status().isConflict());
	}

	@Test
	void shouldNameTheFieldOfEveryMistake() throws Exception {
		long id = kb.aPublishedArticle(agent.user(), "en", "Mistaken marmot", "Marmot.");
		expectField(call(agent, post("/api/v1/kb/articles"), """
				{"body": "No title"}"""), 400, "title");
		expectField(call(agent, post("/api/v1/kb/articles"), """
				{"title": "No body"}"""), 400, "body");
		expectField(call(agent, post("/api/v1/kb/articles"), """
				{"title": "T", "body": "B", "kind": "POEM"}"""), 400, "kind");
		expectField(call(agent, post("/api/v1/kb/articles"), """
				{"title": "T", "body": "B", "defaultLocale": "xx"}"""), 400, "defaultLocale");
		expectField(call(agent, post("/api/v1/kb/articles"), """
				{"title": "T", "body": "B", "categoryId": 987654321}"""), 400, "categoryId");
		expectField(call(agent, post("/api/v1/kb/articles"), """
				{"title": "T", "body": "B", "kind": "VIDEO"}"""), 400, "videoUrl");
		expectField(call(agent, post("/api/v1/kb/articles"), """
				{"title": "T", "body": "B", "kind": "VIDEO", "videoUrl": "https://evil.example/page"}"""), 400,
				"videoUrl");
		expectField(call(agent, post("/api/v1/kb/articles"), """
				{"title": "T", "body": "B", "reviewerId": 987654321}"""), 400, "reviewerId");
		expectField(call(agent, post("/api/v1/kb/articles"), """
				{"title": "%s", "body": "B"}""".formatted("x".repeat(301))), 400, "title");
		expectField(call(agent, put("/api/v1/kb/articles/" + id + "/translations/en"), """
				{"title": "T", "body": "B", "slug": "no spaces/allowed"}"""), 400, "slug");
		expectField(call(agent, put("/api/v1/kb/articles/" + id + "/translations/xx"), """
				{"title": "T", "body": "B"}"""), 400, "locale");
		expectField(call(agent, put("/api/v1/kb/articles/" + id + "/translations/en"), """
				{"title": "T", "body": "B", "state": "GONE"}"""), 400, "state");
		expectField(call(agent, get("/api/v1/kb/articles?size=1000"), null), 400, "size");
		expectField(call(agent, get("/api/v1/kb/articles?kind=POEM"), null), 400, "kind");
		call(agent, put("/api/v1/kb/articles/" + id + "/translations/en"), """
				{"title": "T", "body": "B", "version": 99}""").andExpect(status().isConflict());
		call(agent, patch("/api/v1/kb/articles/" + id), """
				{"visibility": "INTERNAL", "version": 99}""").andExpect(status().isConflict());
		call(agent, get("/api/v1/kb/articles/987654321"), null).andExpect(status().isNotFound());
		call(agent, get("/api/v1/kb/articles/" + id + "/translations/zh/revisions"), null)
			.andExpect(status().isNotFound());
		call(agent, post("/api/v1/kb/articles/" + id + "/translations/en/revisions/42/restore"), null)
			.andExpect(status().isNotFound());
		call(agent, post("/api/v1/kb/articles"), "{not json").andExpect(status().isBadRequest());
	}

	@Test
	void shouldTakeTheSameSlugInAnotherLocaleButNotTwiceInOne() throws Exception {
		long first = kb.aPublishedArticle(agent.user(), "en", "Shared slug platypus", "One.");
		long second = kb.aPublishedArticle(agent.user(), "en", "Shared slug platypus", "Two.");
		call(agent, get("/api/v1/kb/articles/" + second), null)
			.andExpect(jsonPath("$.translations[0].slug").value("shared-slug-platypus-2"));
		expectField(call(agent, put("/api/v1/kb/articles/" + second + "/translations/en"), """
				{"title": "T", "body": "B", "slug": "shared-slug-platypus"}"""), 400, "slug");
		call(agent, put("/api/v1/kb/articles/" + first + "/translations/ro"), """
				{"title": "T", "body": "B", "slug": "shared-slug-platypus"}""").andExpect(status().isOk());
	}

	@Test
	void shouldKeepMarkdownXssInert() throws Exception {
		call(agent, post("/api/v1/kb/articles"), """
				{"title": "XSS echidna", "state": "PUBLISHED",
				 "body": "<script>alert(1)</script>\\n\\n[click](javascript:alert(2))\\n\\n![x](https://evil.example/x.png)\\n\\n<img src=x onerror=alert(3)>"}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.translations[0].html").value(not(containsString("<script"))))
			.andExpect(jsonPath("$.translations[0].html").value(not(containsString("javascript:"))))
			.andExpect(jsonPath("$.translations[0].html").value(not(containsString("<img"))))
			.andExpect(jsonPath("$.translations[0].html").value(containsString("&lt;script&gt;")));
	}

	@Test
	void shouldTakePicturesByTheirBytesAndServeThemInert() throws Exception {
		byte[] png = java.util.Base64.getDecoder().decode(
				"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
		String url = JsonPath.read(mvc.perform(multipart("/api/v1/kb/images")
			.file(new MockMultipartFile("file", "Setup Screen.png", "image/svg+xml", png))
			.header("Authorization", agent.bearer()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.markdown").value(containsString("![setup screen](/kb/images/")))
			.andReturn().getResponse().getContentAsString(), "$.url");

		mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")));
		expectField(mvc.perform(multipart("/api/v1/kb/images")
			.file(new MockMultipartFile("file", "evil.png", "image/png",
					"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes()))
			.header("Authorization", agent.bearer())), 400, "file");
		mvc.perform(multipart("/api/v1/kb/images").file(new MockMultipartFile("file", "a.png", "image/png", png))
			.header("Authorization", customer.bearer())).andExpect(status().isNotFound());
		mvc.perform(get("/kb/images/AAAAAAAAAAAAAAAAAAAAAA/none.png")).andExpect(status().isNotFound());
	}

	private static void expectField(ResultActions result, int status, String field) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}
}

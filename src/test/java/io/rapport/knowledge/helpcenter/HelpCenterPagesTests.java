package io.rapport.knowledge.helpcenter;

import io.rapport.Bundles;
import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public help center's pages: language, canonical URLs, alternates, OpenGraph, sitemap, for anyone. */
class HelpCenterPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	KbFixtures kb;

	@BeforeEach
	void writers() {
		kb = new KbFixtures(mvc, fixtures);
	}

	@Test
	void shouldSendVisitorsToTheFirstLanguageTheirBrowserAsksForThatTheHelpCenterSpeaks() throws Exception {
		mvc.perform(get("/help").header("Accept-Language", "fr-FR,ro;q=0.8,en;q=0.5"))
			.andExpect(redirectedUrl("/help/ro"));
		mvc.perform(get("/help").header("Accept-Language", "zh-CN,zh;q=0.9")).andExpect(redirectedUrl("/help/zh"));
		mvc.perform(get("/help").header("Accept-Language", "de-DE")).andExpect(redirectedUrl("/help/en"));
		mvc.perform(get("/help")).andExpect(redirectedUrl("/help/en"));
	}

	@Test
	void shouldSpeakTheLanguageOfTheUrlWhateverTheBrowserAsks() throws Exception {
		String page = html("/help/ro", "en-US");

		assertThat(page).contains("<html lang=\"ro\"", "Cu ce vă putem ajuta?");
		assertThat(html("/help/ta", "en-US")).contains("நாங்கள் எப்படி உதவலாம்?");
		mvc.perform(get("/help/fr")).andExpect(status().isNotFound());
	}

	@Test
	void shouldShowAnArticleWithCanonicalUrlHreflangAlternatesAndOpenGraph() throws Exception {
		KbFixtures.Article article = kb.published("Export invoices to CSV", "Open **Billing**, then *Export*.");
		String zhSlug = kb.translate(article, "zh", "导出发票为 CSV", "打开**账单**，然后点击*导出*。", "PUBLISHED");

		String page = html("/help/en/articles/" + article.slug(), "en");

		assertThat(page).contains("<link rel=\"canonical\" href=\"http://localhost/help/en/articles/" + article.slug() + "\">")
			.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost/help/en/articles/" + article.slug() + "\">")
			.contains("<link rel=\"alternate\" hreflang=\"zh\" href=\"http://localhost/help/zh/articles/" + zhSlug + "\">")
			.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"http://localhost/help/en/articles/" + article.slug() + "\">")
			.contains("<meta property=\"og:type\" content=\"article\">")
			.contains("<meta property=\"og:title\" content=\"Export invoices to CSV\">")
			.contains("<meta name=\"description\" content=\"About Export invoices to CSV\">")
			.contains("<strong>Billing</strong>")
			.doesNotContain("rel=\"alternate\" hreflang=\"ro\"");
		assertThat(html("/help/zh/articles/" + zhSlug, "en")).contains("<html lang=\"zh\"", "导出发票为 CSV", "这篇文章对您有帮助吗？");
	}

	@Test
	void shouldShowTheDefaultLanguageAndSaySoWhenAnArticleIsNotTranslated() throws Exception {
		KbFixtures.Article article = kb.published("Invite your team", "Go to Settings, then People.");

		String page = html("/help/ro/articles/" + article.slug(), "ro");

		assertThat(page).contains("Invite your team", "nu este încă disponibil în limba dumneavoastră")
			.contains("<link rel=\"canonical\" href=\"http://localhost/help/en/articles/" + article.slug() + "\">");
	}

	@Test
	void shouldAnswerNotFoundForInternalAndDraftArticlesByUrl() throws Exception {
		long category = kb.category("Internal topics");
		KbFixtures.Article internal = kb.article(category, "Refund override procedure", "Agents only.", "INTERNAL",
				"PUBLISHED", "GUIDE", null);
		KbFixtures.Article draft = kb.article(category, "Unreleased pricing", "Not yet.", "PUBLIC", "DRAFT", "GUIDE",
				null);

		for (String slug : new String[] { internal.slug(), draft.slug() }) {
			String page = mvc.perform(get("/help/en/articles/" + slug)).andExpect(status().isNotFound())
				.andReturn().getResponse().getContentAsString();
			assertThat(page).doesNotContain("Agents only", "Not yet");
		}
	}

	@Test
	void shouldListCategoriesAndTheirPublishedArticlesOnly() throws Exception {
		long category = kb.category("Billing basics");
		KbFixtures.Article shown = kb.article(category, "Change your plan", "Pick a plan.", "PUBLIC", "PUBLISHED",
				"FAQ", null);
		kb.article(category, "Secret discount codes", "Agents only.", "INTERNAL", "PUBLISHED", "GUIDE", null);
		kb.article(category, "Half-written guide", "Draft.", "PUBLIC", "DRAFT", "GUIDE", null);

		String home = html("/help/en", "en");
		assertThat(home).contains("Billing basics").doesNotContain("Secret discount codes", "Half-written guide");
		String slug = home.replaceAll("(?s).*href=\"/help/en/categories/([^\"]+)\"[^>]*>\\s*<span class=\"hc-tile-title\">Billing basics.*", "$1");

		String page = html("/help/en/categories/" + slug, "en");
		assertThat(page).contains("Change your plan", "/help/en/articles/" + shown.slug(), "FAQ")
			.doesNotContain("Secret discount codes", "Half-written guide");
	}

	/** A top category's tile counts its own articles and its subcategories', each once. */
	@Test
	void shouldCountEachArticleOnceOnATopCategorysTile() throws Exception {
		long top = kb.category("Quokka onboarding");
		long sub = kb.category("Quokka first steps", top);
		kb.article(top, "Quokka welcome", "Hello.", "PUBLIC", "PUBLISHED", "GUIDE", null);
		kb.article(sub, "Quokka first board", "Make a board.", "PUBLIC", "PUBLISHED", "GUIDE", null);
		kb.article(sub, "Quokka invite", "Invite people.", "PUBLIC", "PUBLISHED", "GUIDE", null);

		String home = html("/help/en", "en");

		assertThat(home.replaceAll("\\s+", " "))
			.containsPattern("Quokka onboarding</span>.{0,200}3 articles");
	}

	@Test
	void shouldKeepInternalAndDraftArticlesOutOfTheSitemap() throws Exception {
		long category = kb.category("Sitemap topics");
		KbFixtures.Article published = kb.article(category, "Connect Slack", "Install the app.", "PUBLIC",
				"PUBLISHED", "GUIDE", null);
		String eoSlug = kb.translate(published, "eo", "Konekti Slack", "Instalu la aplikaĵon.", "PUBLISHED");
		KbFixtures.Article internal = kb.article(category, "Escalation matrix", "Tier 2 only.", "INTERNAL",
				"PUBLISHED", "GUIDE", null);
		KbFixtures.Article draft = kb.article(category, "Draft webhook guide", "Soon.", "PUBLIC", "DRAFT", "GUIDE",
				null);

		String sitemap = mvc.perform(get("/help/sitemap.xml")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/xml"))
			.andReturn().getResponse().getContentAsString();

		assertThat(sitemap).contains("<loc>http://localhost/help/en/articles/" + published.slug() + "</loc>")
			.contains("<loc>http://localhost/help/eo/articles/" + eoSlug + "</loc>")
			.contains("hreflang=\"eo\" href=\"http://localhost/help/eo/articles/" + eoSlug + "\"")
			.contains("hreflang=\"x-default\"")
			.contains("<loc>http://localhost/help/zh</loc>")
			.doesNotContain(internal.slug(), draft.slug());
		assertThat(mvc.perform(get("/sitemap.xml")).andReturn().getResponse().getContentAsString()).isEqualTo(sitemap);
	}

	@Test
	void shouldApplyTheBrandColourThroughAStylesheetNeverInline() throws Exception {
		String page = html("/help/en", "en");

		assertThat(page).contains("/help/theme.css?v=").doesNotContain("style=");
		mvc.perform(get("/help/theme.css")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/css"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("--brand: #")));
		mvc.perform(get("/help/en")).andExpect(header().string("Content-Security-Policy",
				org.hamcrest.Matchers.containsString("style-src 'self'")));
	}

	@Test
	void shouldEmbedAnAllowListedVideoAndAllowOnlyItsOriginInThatPagesPolicy() throws Exception {
		KbFixtures.Article video = kb.article(kb.category("Videos"), "Tour of the inbox", "A short tour.", "PUBLIC",
				"PUBLISHED", "VIDEO", "https://www.youtube.com/watch?v=dQw4w9WgXcQ");

		var response = mvc.perform(get("/help/en/articles/" + video.slug())).andExpect(status().isOk()).andReturn()
			.getResponse();

		assertThat(response.getContentAsString()).contains("<iframe", "src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(response.getHeader("Content-Security-Policy"))
			.contains("frame-src https://www.youtube-nocookie.com").contains("script-src 'self'");
		assertThat(mvc.perform(get("/help/en")).andReturn().getResponse().getHeader("Content-Security-Policy"))
			.doesNotContain("frame-src");
	}

	@Test
	void shouldHaveEveryWordInEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("helpcenter");
	}

	private String html(String path, String language) throws Exception {
		return mvc.perform(get(path).header("Accept-Language", language)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}
}

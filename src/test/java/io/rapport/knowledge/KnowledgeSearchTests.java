package io.rapport.knowledge;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.knowledge.KnowledgeApi.SearchHit;
import io.rapport.knowledge.KnowledgeApi.SearchResults;
import io.rapport.knowledge.internal.Article;
import io.rapport.knowledge.internal.ArticleTranslation.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search through {@link KnowledgeApi#search} with real sentences in each language: the right article first, in the
 * asked locale first, with marked snippets, and never an internal article or a draft for a customer.
 */
class KnowledgeSearchTests extends IntegrationTest {

	@Autowired
	KnowledgeApi knowledge;

	@Autowired
	KbFixtures kb;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	Person agent;

	@BeforeEach
	void agent() {
		agent = fixtures.anAgentIn("tier1");
	}

	private long first(SearchResults results) {
		assertThat(results.hits()).as("hits for " + results.query()).isNotEmpty();
		return results.hits().get(0).article().articleId();
	}

	@Test
	void shouldFindAChineseArticleByAQueryWithoutSpaces() {
		long reset = kb.aPublishedArticle(agent.user(), "zh", "如何重置登录密码",
				"如果您忘记了密码，请在登录页面点击“忘记密码”，我们会把重置链接发送到您的邮箱。");
		kb.aPublishedArticle(agent.user(), "zh", "如何修改账户邮箱", "在个人资料页面中输入新的邮箱地址并保存。");

		SearchResults results = knowledge.search("重置密码", "zh", Audience.CUSTOMER, 0, 10);

		assertThat(first(results)).isEqualTo(reset);
		assertThat(results.hits().get(0).snippetHtml()).contains("<mark>");
	}

	@Test
	void shouldFindARomanianArticleByAQueryWithoutDiacritics() {
		long reset = kb.aPublishedArticle(agent.user(), "ro", "Cum resetați parola aplicației",
				"Deschideți aplicația, apăsați pe „Am uitat parola” și urmați instrucțiunile primite pe e-mail.");
		kb.aPublishedArticle(agent.user(), "ro", "Cum schimbați adresa de facturare",
				"Adresa de facturare se schimbă din pagina contului, la secțiunea Facturi.");

		assertThat(first(knowledge.search("parola aplicatiei", "ro", Audience.CUSTOMER, 0, 10))).isEqualTo(reset);
		assertThat(first(knowledge.search("instructiunile", "ro", Audience.CUSTOMER, 0, 10))).isEqualTo(reset);
	}

	@Test
	void shouldFindATamilArticleByAnotherInflection() {
		long reset = kb.aPublishedArticle(agent.user(), "ta", "கடவுச்சொல்லை மீட்டமைப்பது எப்படி",
				"உங்கள் கடவுச்சொல்லை மறந்துவிட்டால், உள்நுழைவு பக்கத்தில் மறந்துவிட்டேன் என்பதைத் தேர்ந்தெடுக்கவும்.");
		kb.aPublishedArticle(agent.user(), "ta", "விலைப்பட்டியலை பதிவிறக்குவது எப்படி",
				"கணக்கு பக்கத்தில் விலைப்பட்டியல்கள் பகுதியைத் திறக்கவும்.");

		assertThat(first(knowledge.search("கடவுச்சொற்கள்", "ta", Audience.CUSTOMER, 0, 10))).isEqualTo(reset);
	}

	@Test
	void shouldFindAnEsperantoArticleByItsPluralAccusative() {
		long export = kb.aPublishedArticle(agent.user(), "eo", "Kiel eksporti fakturon",
				"Vi povas eksporti ĉiun fakturon al kalkultabelo el la konta paĝo.");
		kb.aPublishedArticle(agent.user(), "eo", "Kiel ŝanĝi la pasvorton", "Malfermu la profilon kaj tajpu novan pasvorton.");

		assertThat(first(knowledge.search("fakturojn", "eo", Audience.CUSTOMER, 0, 10))).isEqualTo(export);
		assertThat(first(knowledge.search("sxangxi pasvortojn", "eo", Audience.CUSTOMER, 0, 10))).isNotEqualTo(export);
	}

	@Test
	void shouldForgiveATypoInEnglish() {
		long export = kb.aPublishedArticle(agent.user(), "en", "Exporting invoices to a spreadsheet",
				"Open Billing, choose the invoices and press Export: you get a spreadsheet of them.");
		kb.aPublishedArticle(agent.user(), "en", "Inviting a colleague", "Open Team and send an invitation.");

		assertThat(first(knowledge.search("spredsheet", "en", Audience.CUSTOMER, 0, 10))).isEqualTo(export);
	}

	@Test
	void shouldShowTheAskedLocaleFirstAndOneHitPerArticle() {
		long article = kb.aPublishedArticle(agent.user(), "en", "Connecting the calendar quokka",
				"Connect the quokka calendar from Settings.");
		kb.translate(agent.user(), article, "ro", "Conectarea calendarului quokka",
				"Conectați calendarul quokka din Setări.", State.PUBLISHED);
		long other = kb.aPublishedArticle(agent.user(), "en", "Quokka calendar quokka colours",
				"The quokka calendar quokka shows quokka colours.");

		SearchResults results = knowledge.search("calendar quokka", "ro", Audience.CUSTOMER, 0, 10);

		assertThat(results.hits().get(0).article().articleId()).isEqualTo(article);
		assertThat(results.hits().get(0).article().locale()).isEqualTo("ro");
		assertThat(results.hits().stream().map(h -> h.article().articleId()).filter(id -> id == article)).hasSize(1);
		assertThat(results.hits().stream().map(h -> h.article().articleId())).contains(other);
	}

	@Test
	void shouldNeverShowInternalArticlesOrDraftsToCustomers() {
		long internal = kb.anArticle(agent.user(), "en", "Wombat escalation runbook", "Internal wombat steps.",
				State.PUBLISHED, Article.Visibility.INTERNAL);
		long draft = kb.anArticle(agent.user(), "en", "Wombat pricing draft", "Unannounced wombat prices.",
				State.DRAFT, Article.Visibility.PUBLIC);
		long published = kb.aPublishedArticle(agent.user(), "en", "Wombat basics", "What a wombat does.");

		List<Long> customer = ids(knowledge.search("wombat", "en", Audience.CUSTOMER, 0, 10));
		List<Long> agents = ids(knowledge.search("wombat", "en", Audience.AGENT, 0, 10));

		assertThat(customer).contains(published).doesNotContain(internal, draft);
		assertThat(agents).contains(published, internal).doesNotContain(draft);
		assertThat(knowledge.suggest("wombat", "en", 5)).extracting(KnowledgeApi.ArticleSummary::articleId)
			.contains(published).doesNotContain(internal, draft);
		assertThat(knowledge.article(internal, "en", Audience.CUSTOMER)).isEmpty();
		assertThat(knowledge.article(draft, "en", Audience.AGENT)).isEmpty();
		assertThat(knowledge.sitemap()).extracting(KnowledgeApi.SitemapEntry::articleId)
			.contains(published).doesNotContain(internal, draft);
	}

	@Test
	void shouldKeepMarkupInSnippetsInert() {
		kb.aPublishedArticle(agent.user(), "en", "Numbat widgets",
				"Paste <script>alert(1)</script> numbat code & <img src=x onerror=alert(2)> numbat tags.");

		SearchHit hit = knowledge.search("numbat", "en", Audience.CUSTOMER, 0, 10).hits().get(0);

		assertThat(hit.snippetHtml()).contains("<mark>numbat</mark>").doesNotContain("<script", "<img");
	}

	@Test
	void shouldMarkTheSnippetOfEveryHitOnEveryPage() {
		// Only the page shown is highlighted (a second query on its ids): each hit must get its own fragment, on
		// later pages too, and the total still counts every article found.
		String word = "platypus" + Long.toString(System.nanoTime(), 36); // the context is shared: a word only ours
		for (int i = 0; i < 7; i++) {
			kb.aPublishedArticle(agent.user(), "en", "Platypus guide " + i,
					"Step " + i + " of the " + word + " guide: feed the " + word + " number " + i + ".");
		}

		SearchResults first = knowledge.search(word, "en", Audience.CUSTOMER, 0, 3);
		SearchResults second = knowledge.search(word, "en", Audience.CUSTOMER, 3, 3);

		assertThat(first.total()).isEqualTo(7);
		assertThat(second.total()).isEqualTo(7);
		assertThat(second.hits()).hasSize(3);
		assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
		for (SearchHit hit : second.hits()) {
			String number = hit.article().title().substring("Platypus guide ".length());
			assertThat(hit.snippetHtml()).as(hit.article().title()).contains("<mark>" + word + "</mark>")
				.contains("number " + number);
		}
	}

	@Test
	void shouldLeaveOutATranslationDeletedSinceTheIndexWasRead() {
		String word = "wombat" + Long.toString(System.nanoTime(), 36);
		long kept = kb.aPublishedArticle(agent.user(), "en", "Wombat burrows", "Where the " + word + " digs.");
		long gone = kb.aPublishedArticle(agent.user(), "en", "Wombat diets", "What the " + word + " eats.");
		assertThat(ids(knowledge.search(word, "en", Audience.CUSTOMER, 0, 10))).containsExactlyInAnyOrder(kept, gone);

		// removed behind the index's back (another node, a restore): the index still has it, the database does not
		jdbc.update("delete from kb_translations where article_id = ?", gone);

		assertThat(ids(knowledge.search(word, "en", Audience.CUSTOMER, 0, 10))).containsExactly(kept);
	}

	private static List<Long> ids(SearchResults results) {
		return results.hits().stream().map(h -> h.article().articleId()).toList();
	}
}

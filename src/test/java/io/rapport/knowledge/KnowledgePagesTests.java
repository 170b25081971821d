package io.rapport.knowledge;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.knowledge.internal.Article;
import io.rapport.knowledge.internal.ArticleEditor;
import io.rapport.knowledge.internal.ArticleTranslation;
import io.rapport.knowledge.internal.ArticleTranslation.State;
import io.rapport.knowledge.internal.LineDiff;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.BeforeEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The agents' knowledge pages: list, editor with preview, revisions and diff, categories, the ticket page's panel. */
class KnowledgePagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	KbFixtures kb;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TicketsApi tickets;

	Person agent;

	@BeforeEach
	void agent() {
		agent = fixtures.anAgentIn("tier1");
	}

	@Test
	void shouldListArticlesFromTheSidebarAndFilterOutdatedTranslations() throws Exception {
		long id = kb.aPublishedArticle(agent.user(), "en", "Gecko sync guide", "Sync the gecko.");
		kb.translate(agent.user(), id, "zh", "壁虎同步指南", "同步壁虎。", State.PUBLISHED);
		kb.translate(agent.user(), id, "en", "Gecko sync guide", "Sync the gecko twice.", State.PUBLISHED);
		long fresh = kb.aPublishedArticle(agent.user(), "en", "Gecko fresh guide", "Fresh.");

		mvc.perform(get("/tickets").with(signedInAs(agent)))
			.andExpect(content().string(containsString("href=\"/knowledge\"")));
		mvc.perform(get("/knowledge").param("outdated", "true").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Gecko sync guide")))
			.andExpect(content().string(not(containsString("Gecko fresh guide"))))
			.andExpect(content().string(containsString("kb-outdated")));
		mvc.perform(get("/knowledge").param("q", "gecko").with(signedInAs(agent)))
			.andExpect(content().string(containsString("/knowledge/" + fresh + "/en")));
		mvc.perform(get("/knowledge/" + id + "/zh").with(signedInAs(agent)))
			.andExpect(content().string(containsString("kb-outdated-notice")));
	}

	@Test
	void shouldCreateEditPreviewAndPublishAnArticle() throws Exception {
		String location = mvc.perform(post("/knowledge").with(csrf()).with(signedInAs(agent))
			.param("kind", "WALKTHROUGH").param("visibility", "PUBLIC").param("defaultLocale", "en")
			.param("title", "Ibis onboarding").param("body", "First **step**."))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/knowledge/*/en"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.split("/")[2]);

		mvc.perform(get(location).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong>step</strong>")));
		mvc.perform(post("/knowledge/preview").with(csrf()).with(signedInAs(agent))
			.param("body", "| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x()</script>"))
			.andExpect(content().string(containsString("<td>1</td>")))
			.andExpect(content().string(not(containsString("<script>"))));
		mvc.perform(post(location).with(csrf()).with(signedInAs(agent))
			.param("title", "").param("body", "x").param("state", "PUBLISHED"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Write a title")));
		mvc.perform(post(location).with(csrf()).with(signedInAs(agent))
			.param("title", "Ibis onboarding").param("body", "First **step**, then the second.")
			.param("state", "PUBLISHED").param("keywords", "ibis, onboarding"))
			.andExpect(status().is3xxRedirection());

		Article article = editor.require(id);
		ArticleTranslation en = article.translation("en").orElseThrow();
		assertThat(en.getState()).isEqualTo(State.PUBLISHED);
		assertThat(en.getRevision()).isEqualTo(2);
		assertThat(en.keywordList()).containsExactly("ibis", "onboarding");

		mvc.perform(get(location + "/revisions").param("from", "1").param("to", "2").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("diff-removed")))
			.andExpect(content().string(containsString("diff-added")));
		mvc.perform(post(location + "/revisions/1/restore").with(csrf()).with(signedInAs(agent)))
			.andExpect(status().is3xxRedirection());
		assertThat(editor.require(id).translation("en").orElseThrow().getBody()).isEqualTo("First **step**.");
	}

	@Test
	void shouldLetOnlyAdminsArrangeCategories() throws Exception {
		Person admin = fixtures.anAdmin();
		mvc.perform(get("/admin/knowledge/categories").with(signedInAs(agent))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/knowledge/categories").with(csrf()).with(signedInAs(admin))
			.param("name.en", "Tapir accounts").param("name.ro", "Conturi tapir"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/knowledge/categories").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("tapir-accounts")))
			.andExpect(content().string(containsString("Conturi tapir")));
		mvc.perform(get("/admin").with(signedInAs(admin)))
			.andExpect(content().string(containsString("href=\"/admin/knowledge/categories\"")));
	}

	@Test
	void shouldDraftAnArticleFromASolvedTicketWithoutTheCustomersPersonalData() throws Exception {
		Person customer = fixtures.aCustomer();
		TicketView ticket = tickets.create(new NewTicket("Okapi export fails for " + customer.user().name(),
				"Hi, I am " + customer.user().name() + " (" + customer.email() + ", +40 721 555 123). The okapi export"
						+ " stops at 50%.",
				null, null, null, null, List.of()), customer.user());
		tickets.reply(ticket.id(), new NewMessage("Clear the okapi cache, then export again.", Visibility.PUBLIC,
				null), List.of(), null, agent.user());
		tickets.addMessage(ticket.id(), new NewMessage("Internal: the customer is grumpy.", Visibility.INTERNAL, null),
				List.of(), agent.user());
		TicketView current = tickets.get(ticket.id(), agent.user());

		mvc.perform(get("/tickets/" + ticket.id()).with(signedInAs(agent)))
			.andExpect(content().string(containsString("data-kb-panel")))
			.andExpect(content().string(not(containsString("/knowledge/from-ticket/" + ticket.id()))));
		tickets.update(ticket.id(), new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null,
				current.version()), agent.user());
		mvc.perform(get("/tickets/" + ticket.id()).with(signedInAs(agent)))
			.andExpect(content().string(containsString("/knowledge/from-ticket/" + ticket.id())));

		String location = mvc.perform(post("/knowledge/from-ticket/" + ticket.id()).with(csrf()).with(signedInAs(agent)))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		Article article = editor.require(Long.parseLong(location.split("/")[2]));
		ArticleTranslation draft = article.getTranslations().get(0);

		assertThat(article.isInternal()).isTrue();
		assertThat(article.getSourceTicketId()).isEqualTo(ticket.id());
		assertThat(draft.getState()).isEqualTo(State.DRAFT);
		assertThat(draft.getBody()).contains("okapi export stops at 50%", "Clear the okapi cache")
			.doesNotContain(customer.email(), customer.user().name(), "721", "grumpy");
		assertThat(draft.getTitle()).doesNotContain(customer.user().name());
	}

	@Test
	void shouldFindArticlesForTheReplyFromTheTicketPanel() throws Exception {
		long published = kb.aPublishedArticle(agent.user(), "en", "Quetzal webhooks", "Set up quetzal webhooks.");
		long internal = kb.anArticle(agent.user(), "en", "Quetzal internal notes", "Quetzal secrets.",
				State.PUBLISHED, Article.Visibility.INTERNAL);

		mvc.perform(get("/knowledge/panel").param("q", "quetzal").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/help/en/articles/quetzal-webhooks")))
			.andExpect(content().string(containsString("/knowledge/" + internal + "/en")))
			.andExpect(content().string(containsString("data-kb-insert=\"text\"")))
			.andExpect(content().string(not(containsString("/help/en/articles/quetzal-internal-notes"))));
		assertThat(published).isPositive();
	}

	@Test
	void shouldDiffLinesAsPeopleReadThem() {
		List<LineDiff.Line> diff = LineDiff.between("a\nb\nc", "a\nB\nc\nd");

		assertThat(diff).extracting(LineDiff.Line::kind).containsExactly(LineDiff.Kind.SAME, LineDiff.Kind.REMOVED,
				LineDiff.Kind.ADDED, LineDiff.Kind.SAME, LineDiff.Kind.ADDED);
		assertThat(diff.get(4).newNumber()).isEqualTo(4);
	}

	@Test
	void shouldTranslateEveryKeyIntoEveryLanguage() {
		io.rapport.Bundles.assertEveryLanguageHasEveryKey("knowledge");
	}
}

package io.rapport.knowledge.helpcenter;

import java.sql.Timestamp;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.knowledge.ArticleViewed;
import io.rapport.knowledge.ArticleVoted;
import io.rapport.knowledge.KnowledgeSearched;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Knowledge-base use as a customer-success signal: a signed-in contact's views, searches and votes are dated
 * activities with contact and account (and events for the activity module); anonymous readers are only counted.
 */
@RecordApplicationEvents
class SignalsTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	KbFixtures kb;

	@BeforeEach
	void writers() {
		kb = new KbFixtures(mvc, fixtures);
	}

	@Test
	void shouldRecordAContactsViewSearchAndVoteWithTheirAccount() throws Exception {
		String word = "wibblet" + System.nanoTime() % 100000;
		KbFixtures.Article article = kb.published("Configure " + word, "Configure " + word + " in Settings.");
		long account = fixtures.anAccount().id();
		Fixtures.Person contact = fixtures.aCustomerOf(account);

		mvc.perform(get("/help/en/articles/" + article.slug()).with(signedInAs(contact))).andExpect(status().isOk());
		mvc.perform(get("/help/en/search").param("q", word).with(signedInAs(contact))).andExpect(status().isOk());
		mvc.perform(post("/help/en/articles/" + article.slug() + "/vote").param("helpful", "true").with(csrf())
			.with(signedInAs(contact))).andExpect(status().is3xxRedirection());

		assertThat(jdbc.queryForList("select contact_id || ':' || account_id from knowledge_article_views "
				+ "where article_id = ?", String.class, article.id())).containsExactly(contact.id() + ":" + account);
		assertThat(jdbc.queryForObject("select viewed_at from knowledge_article_views where article_id = ?",
				Timestamp.class, article.id()).toInstant()).isEqualTo(START);
		assertThat(jdbc.queryForList("select contact_id || ':' || account_id from knowledge_searches where query = ?",
				String.class, word)).containsExactly(contact.id() + ":" + account);
		assertThat(jdbc.queryForList("select contact_id || ':' || account_id from knowledge_votes where article_id = ?",
				String.class, article.id())).containsExactly(contact.id() + ":" + account);
		assertThat(events.stream(ArticleViewed.class).filter(e -> e.articleId() == article.id()))
			.containsExactly(new ArticleViewed(article.id(), "en", contact.id(), account, START));
		assertThat(events.stream(KnowledgeSearched.class).filter(e -> e.query().equals(word)))
			.containsExactly(new KnowledgeSearched(word, "en", 1, contact.id(), account, START));
		assertThat(events.stream(ArticleVoted.class).filter(e -> e.articleId() == article.id()))
			.containsExactly(new ArticleVoted(article.id(), "en", true, contact.id(), account, START));
	}

	@Test
	void shouldCountAnonymousReadersWithoutPersonalData() throws Exception {
		String word = "snorkwise" + System.nanoTime() % 100000;
		KbFixtures.Article article = kb.published("Pause " + word, "Pause " + word + " from the menu.");

		mvc.perform(get("/help/en/articles/" + article.slug())).andExpect(status().isOk());
		mvc.perform(get("/help/en/articles/" + article.slug())).andExpect(status().isOk());
		mvc.perform(get("/help/en/search").param("q", word)).andExpect(status().isOk());

		assertThat(jdbc.queryForObject("select count(*) from knowledge_article_views where article_id = ? "
				+ "and contact_id is null and account_id is null", Long.class, article.id())).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from knowledge_searches where query = ? "
				+ "and contact_id is null and account_id is null", Long.class, word)).isEqualTo(1);
		assertThat(events.stream(ArticleViewed.class).filter(e -> e.articleId() == article.id())).isEmpty();
		assertThat(events.stream(KnowledgeSearched.class).filter(e -> e.query().equals(word))).isEmpty();
	}
}

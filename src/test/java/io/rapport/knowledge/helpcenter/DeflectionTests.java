package io.rapport.knowledge.helpcenter;

import java.time.Duration;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Suggestions while a customer writes a request in the portal: shown, opened and "answered, no request sent",
 * each counted once per form, with the contact and account, and reported per article and per week.
 */
class DeflectionTests extends IntegrationTest {

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
	void shouldPlaceTheSuggestionsUnderTheSubjectOfTheNewRequestForm() throws Exception {
		Fixtures.Person customer = fixtures.aCustomer();

		String form = mvc.perform(get("/portal/tickets/new").with(signedInAs(customer))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(form).contains("id=\"hc-suggestions\"", "hx-get=\"/portal/suggestions\"", "from:#subject")
			.doesNotContain("style=");
	}

	@Test
	void shouldCountShownOpenedAndAnsweredOncePerFormWithContactAndAccount() throws Exception {
		String word = "gazumba" + System.nanoTime() % 100000;
		KbFixtures.Article article = kb.published("Fix " + word + " sync errors", "When " + word + " sync fails, reconnect.");
		long category = kb.category("Deflection access");
		KbFixtures.Article internal = kb.article(category, "Internal " + word + " notes", word + " internals.",
				"INTERNAL", "PUBLISHED", "GUIDE", null);
		long account = fixtures.anAccount().id();
		Fixtures.Person customer = fixtures.aCustomerOf(account);

		String first = mvc.perform(get("/portal/suggestions").param("subject", word + " sync")
			.with(signedInAs(customer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String session = first.replaceAll("(?s).*name=\"deflection\" value=\"([0-9a-f-]{36})\".*", "$1");
		assertThat(first).contains("Fix " + word + " sync errors").doesNotContain(internal.slug(), "Internal " + word);
		mvc.perform(get("/portal/suggestions").param("subject", word + " sync error").param("deflection", session)
			.with(signedInAs(customer))).andExpect(status().isOk());
		mvc.perform(get("/portal/suggestions/" + session + "/articles/" + article.id()).with(signedInAs(customer)))
			.andExpect(redirectedUrl("/help/en/articles/" + article.slug()));
		mvc.perform(get("/portal/suggestions/" + session + "/articles/" + internal.id()).with(signedInAs(customer)))
			.andExpect(status().isNotFound());
		mvc.perform(multipart("/portal/suggestions/answered").param("deflection", session).with(csrf())
			.with(signedInAs(customer))).andExpect(redirectedUrl("/portal/suggestions/answered"));
		mvc.perform(multipart("/portal/suggestions/answered").param("deflection", session).with(csrf())
			.with(signedInAs(customer)));

		assertThat(jdbc.queryForList("select kind || ':' || article_id || ':' || contact_id || ':' || account_id "
				+ "from knowledge_deflections where session_id = ? order by id", String.class, session))
			.containsExactly("SHOWN:" + article.id() + ":" + customer.id() + ":" + account,
					"OPENED:" + article.id() + ":" + customer.id() + ":" + account,
					"ANSWERED:" + article.id() + ":" + customer.id() + ":" + account);
		assertThat(jdbc.queryForObject("select count(*) from tickets where requester_id = ?", Long.class,
				customer.id())).isZero();
		mvc.perform(get("/portal/suggestions/answered").with(signedInAs(customer))).andExpect(status().isOk());
	}

	@Test
	void shouldSuggestNothingForAShortSubjectAndStillLetTheRequestBeSent() throws Exception {
		Fixtures.Person customer = fixtures.aCustomer();

		String answer = mvc.perform(get("/portal/suggestions").param("subject", "hi").with(signedInAs(customer)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(answer).contains("name=\"deflection\"").doesNotContain("hc-suggest-box");
		mvc.perform(multipart("/portal/tickets").param("subject", "Need a person").param("description", "Please call.")
			.param("type", "QUESTION").param("deflection", java.util.UUID.randomUUID().toString()).with(csrf())
			.with(signedInAs(customer))).andExpect(redirectedUrlPattern("/portal/tickets/*?created"));
		mvc.perform(get("/portal/suggestions").param("subject", "anything")).andExpect(status().is3xxRedirection());
	}

	@Test
	void shouldReportDeflectionPerArticleAndPerWeek() throws Exception {
		String word = "frobozz" + System.nanoTime() % 100000;
		KbFixtures.Article article = kb.published("Export " + word + " reports", "Export " + word + " reports as PDF.");
		Fixtures.Person customer = fixtures.aCustomer();
		clock.advance(Duration.ofDays(-7));
		String lastWeek = session(customer, word);
		mvc.perform(multipart("/portal/suggestions/answered").param("deflection", lastWeek).with(csrf())
			.with(signedInAs(customer)));
		clock.set(START);
		session(customer, word);
		String answered = session(customer, word);
		mvc.perform(get("/portal/suggestions/" + answered + "/articles/" + article.id()).with(signedInAs(customer)));
		mvc.perform(multipart("/portal/suggestions/answered").param("deflection", answered).with(csrf())
			.with(signedInAs(customer)));

		String report = mvc.perform(get("/knowledge/reports").param("days", "30")
			.with(signedInAs(fixtures.anAgentIn("tier1")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		String byArticle = report.substring(report.indexOf("id=\"deflection-articles\""), report.indexOf("id=\"deflection-weeks\""));
		java.util.regex.Matcher row = java.util.regex.Pattern.compile("<td>Export " + word
				+ " reports</td>\\s*<td class=\"num\">(\\d+)</td>\\s*<td class=\"num\">(\\d+)</td>\\s*<td class=\"num\">(\\d+)</td>")
			.matcher(byArticle);
		assertThat(row.find()).as(byArticle).isTrue();
		assertThat(row.group(1) + "/" + row.group(2) + "/" + row.group(3)).isEqualTo("3/1/2");
		String byWeek = report.substring(report.indexOf("id=\"deflection-weeks\""));
		assertThat(byWeek).contains("<td>2026-02-23</td>", "<td>2026-03-02</td>");
	}

	private String session(Fixtures.Person customer, String word) throws Exception {
		String answer = mvc.perform(get("/portal/suggestions").param("subject", "Export " + word)
			.with(signedInAs(customer))).andReturn().getResponse().getContentAsString();
		return answer.replaceAll("(?s).*name=\"deflection\" value=\"([0-9a-f-]{36})\".*", "$1");
	}
}

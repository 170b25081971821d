package io.rapport.surveys.csat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.notifications.NotificationView;
import io.rapport.notifications.NotificationsApi;
import io.rapport.portal.MailState;
import io.rapport.surveys.CsatSurveys;
import io.rapport.tickets.TicketView;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The survey mail and who may answer: five one-click links in the requester's language carrying a random token that
 * the database keeps only hashed; opening a link records nothing until the page's form is sent (mail scanners);
 * a token is bound to its survey's ticket and contact; the API answers 404 to anyone but the requester and a
 * problem naming {@code rating} to a bad value; comments are shown as the text typed; a bad rating tells the
 * agent and the group lead.
 */
class CsatSecurityTests extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/survey/([A-Za-z0-9_-]+))\\?rating=(\\d)");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CsatFixtures csat;

	@Autowired
	CsatSendJob job;

	@Autowired
	CsatSurveys surveys;

	@Autowired
	CsatStore store;

	@Autowired
	MailState mailState;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountsApi accounts;

	@Autowired
	IdentityApi identity;

	@Autowired
	NotificationsApi notifications;

	@BeforeEach
	void withMail() {
		mailState.withMail();
	}

	@AfterEach
	void restore() {
		mailState.restore();
	}

	@Test
	void shouldMailFiveOneClickLinksInTheRequestersLanguageWithATokenStoredHashed() {
		Fixtures.Person customer = fixtures.aCustomer();
		accounts.setLocale(customer.id(), Locale.forLanguageTag("ro"));
		TicketView ticket = opened(customer);

		Map<String, String> mail = jdbc.queryForMap("select subject, body_text, body_html from outbound_mails "
				+ "where to_addresses like ? order by id desc fetch first 1 rows only", "%" + customer.email() + "%")
			.entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT),
					e -> String.valueOf(e.getValue())));
		assertThat(mail.get("subject")).isEqualTo("Cum ne-am descurcat? (cererea #" + ticket.number() + ")");
		assertThat(mail.get("body_text")).contains("Cum apreciați asistența primită?", "5 – Excelent: ", "1 – Foarte slab: ");
		Map<Integer, String> links = links(mail.get("body_text"));
		assertThat(links).containsOnlyKeys(1, 2, 3, 4, 5);
		String token = token(links.get(5));
		assertThat(links.values()).allSatisfy(link -> assertThat(token(link)).isEqualTo(token));
		assertThat(mail.get("body_html")).contains("/survey/" + token + "?rating=1");

		assertThat(token).hasSize(43);
		assertThat(jdbc.queryForObject("select count(*) from csat_surveys where token_hash = ?", Integer.class, token))
			.as("the token itself is not stored").isZero();
		assertThat(store.surveyIdByTokenHash(CsatTokens.hash(token))).isPresent();
		assertThat(CsatTokens.newToken()).isNotEqualTo(CsatTokens.newToken()).hasSize(43);
	}

	@Test
	void shouldRecordTheRatingOnlyWhenThePageSendsIt() throws Exception {
		Fixtures.Person customer = fixtures.aCustomer();
		TicketView ticket = opened(customer);
		String link = links(mailTo(customer)).get(4);

		// A mail scanner fetching every link records nothing
		for (int rating = 1; rating <= 5; rating++) {
			String page = mvc.perform(get(link.replaceAll("\\d$", String.valueOf(rating)))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(page).contains("data-autosubmit", "How would you rate the support you received?");
		}
		assertThat(store.answerOf(ticket.id())).isEmpty();

		// The person's browser sends the page's form at once
		String path = link.substring(0, link.indexOf('?'));
		mvc.perform(post(path + "/rating").with(csrf()).param("rating", "4"))
			.andExpect(redirectedUrl(path + "?saved=rating"));
		assertThat(store.answerOf(ticket.id())).hasValueSatisfying(a -> assertThat(a.rating()).isEqualTo(4));
		String saved = mvc.perform(get(path).param("saved", "rating")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(saved).contains("Thank you: your rating is recorded.").doesNotContain("data-autosubmit");

		// And the comment page changes the rating and adds a comment, shown as typed
		mvc.perform(post(path).with(csrf()).param("rating", "3").param("comment", "<script>alert(1)</script> & <b>bold</b>"))
			.andExpect(redirectedUrl(path + "?saved=comment"));
		assertThat(store.answerOf(ticket.id())).hasValueSatisfying(a -> {
			assertThat(a.rating()).isEqualTo(3);
			assertThat(a.comment()).isEqualTo("<script>alert(1)</script> & <b>bold</b>");
		});
		mvc.perform(post(path).with(csrf()).param("rating", "9")).andExpect(status().isBadRequest());
		assertThat(store.answerOf(ticket.id()).orElseThrow().rating()).isEqualTo(3);

		Fixtures.Person agent = fixtures.anAgentIn("tier1");
		for (String page : List.of("/surveys/csat?rating=3", "/tickets/" + ticket.id())) {
			String html = mvc.perform(get(page).with(signedInAs(agent))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
			assertThat(html).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
				.doesNotContain("<script>alert(1)</script>").doesNotContain("<b>bold</b>");
		}
	}

	@Test
	void shouldRefuseTokensThatAreForgedAlteredOrExpired() throws Exception {
		Fixtures.Person customer = fixtures.aCustomer();
		TicketView ticket = opened(customer);
		String link = links(mailTo(customer)).get(5);
		String token = token(link);
		String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

		for (String forged : List.of(CsatTokens.newToken(), altered, token.substring(1), "x")) {
			mvc.perform(get("/survey/" + forged).param("rating", "5")).andExpect(status().isNotFound());
			mvc.perform(post("/survey/" + forged + "/rating").with(csrf()).param("rating", "5"))
				.andExpect(status().isNotFound());
		}
		assertThat(store.answerOf(ticket.id())).isEmpty();

		clock.set(clock.instant().plus(Duration.ofDays(30)));
		mvc.perform(get("/survey/" + token).param("rating", "5")).andExpect(status().isGone());
		mvc.perform(post("/survey/" + token + "/rating").with(csrf()).param("rating", "5")).andExpect(status().isGone());
		assertThat(store.answerOf(ticket.id())).isEmpty();
	}

	@Test
	void shouldBindATokenToItsTicketAndContact() throws Exception {
		Fixtures.Person ana = fixtures.aCustomer();
		Fixtures.Person bob = fixtures.aCustomer();
		TicketView anas = opened(ana);
		TicketView bobs = opened(bob);
		String anasPath = "/survey/" + token(links(mailTo(ana)).get(1));

		mvc.perform(post(anasPath + "/rating").with(csrf()).param("rating", "1").param("ticketId", String.valueOf(bobs.id())))
			.andExpect(status().is3xxRedirection());

		assertThat(store.answerOf(anas.id())).hasValueSatisfying(a -> {
			assertThat(a.rating()).isEqualTo(1);
			assertThat(a.contactId()).isEqualTo(ana.id());
		});
		assertThat(store.answerOf(bobs.id())).isEmpty();
	}

	@Test
	void shouldLetOnlyTheRequesterRateThroughTheApi() throws Exception {
		Fixtures.Person customer = fixtures.aCustomer();
		TicketView ticket = opened(customer);
		String url = "/api/v1/tickets/" + ticket.id() + "/satisfaction";

		for (Fixtures.Person other : List.of(fixtures.aCustomer(), fixtures.anAgentIn("tier1"), fixtures.anAdmin())) {
			mvc.perform(post(url).header("Authorization", other.bearer()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"rating\":5}")).andExpect(status().isNotFound());
		}
		mvc.perform(post("/api/v1/tickets/999999999/satisfaction").header("Authorization", customer.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"rating\":5}")).andExpect(status().isNotFound());
		mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"rating\":5}"))
			.andExpect(status().isUnauthorized());
		for (String bad : List.of("{\"rating\":0}", "{\"rating\":6}", "{}", "{\"rating\":\"five\"}", "{\"rating\":null}")) {
			mvc.perform(post(url).header("Authorization", customer.bearer()).contentType(MediaType.APPLICATION_JSON)
				.content(bad)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("rating"));
		}
		assertThat(store.answerOf(ticket.id())).isEmpty();

		mvc.perform(post(url).header("Authorization", customer.bearer()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"rating\":5,\"comment\":\"Quick and kind\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.rating").value(5)).andExpect(jsonPath("$.comment").value("Quick and kind"))
			.andExpect(jsonPath("$.ticketId").value(ticket.id()));
		mvc.perform(post(url).header("Authorization", customer.bearer()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"rating\":4}")).andExpect(status().isOk()).andExpect(jsonPath("$.rating").value(4))
			.andExpect(jsonPath("$.comment").value("Quick and kind"));
	}

	@Test
	void shouldTellTheAgentAndTheGroupLeadAboutABadRatingOnce() throws Exception {
		Fixtures.Person customer = fixtures.aCustomer();
		Fixtures.Person agent = fixtures.anAgentIn("tier1");
		Fixtures.Person lead = fixtures.anAgentIn("tier1");
		GroupView tier1 = identity.groupByKey("tier1").orElseThrow();
		Long previousLead = identity.groupLead(tier1.id()).orElse(null);
		identity.setGroupLead(tier1.id(), lead.id());
		try {
			TicketView ticket = csat.aSolvedTicket(customer, agent);
			open(ticket);
			surveys.rate(ticket.id(), 4, null, customer.user());
			surveys.rate(ticket.id(), 2, "Took a week", customer.user());
			// The listeners of two answers run side by side; the second is given once the first was told.
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !bad(lead).isEmpty());
			surveys.rate(ticket.id(), 1, null, customer.user());

			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
					"select count(*) from event_publication where completion_date is null and listener_id like ?",
					Integer.class, "%CsatBadRatingNotices%") == 0 && !bad(lead).isEmpty());
			for (Fixtures.Person told : List.of(agent, lead)) {
				assertThat(bad(told)).singleElement().satisfies(n -> {
					assertThat(n.subjectId()).isEqualTo(ticket.id());
					assertThat(n.messageArgs()).containsExactly(String.valueOf(ticket.number()), "2");
				});
			}
		}
		finally {
			identity.setGroupLead(tier1.id(), previousLead);
		}
	}

	private List<NotificationView> bad(Fixtures.Person agent) {
		return notifications.page(agent.id(), false, 0, 50).items().stream()
			.filter(n -> CsatBadRatingNotices.KIND.equals(n.kind())).toList();
	}

	/** A solved ticket of the customer whose survey is due and was just mailed. */
	private TicketView opened(Fixtures.Person customer) {
		TicketView ticket = csat.aSolvedTicket(customer, fixtures.anAgentIn("tier1"));
		open(ticket);
		return ticket;
	}

	private void open(TicketView ticket) {
		csat.awaitSurveys(ticket.id(), 1);
		clock.set(clock.instant().plus(Duration.ofHours(1)));
		job.run();
		assertThat(csat.awaitSurveys(ticket.id(), 1).get(0).state()).isEqualTo(Survey.State.SENT);
	}

	private String mailTo(Fixtures.Person customer) {
		return jdbc.queryForObject("select body_text from outbound_mails where to_addresses like ? order by id desc "
				+ "fetch first 1 rows only", String.class, "%" + customer.email() + "%");
	}

	private static Map<Integer, String> links(String body) {
		Map<Integer, String> links = new TreeMap<>();
		Matcher m = LINK.matcher(body);
		while (m.find()) {
			links.put(Integer.valueOf(m.group(3)), m.group(1) + "?rating=" + m.group(3));
		}
		return links;
	}

	private static String token(String link) {
		Matcher m = Pattern.compile("/survey/([A-Za-z0-9_-]+)").matcher(link);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}

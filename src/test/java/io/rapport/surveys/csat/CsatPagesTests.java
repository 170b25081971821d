package io.rapport.surveys.csat;

import java.time.Duration;
import java.time.Instant;

import io.rapport.Bundles;
import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.portal.MailState;
import io.rapport.surveys.CsatSurveys;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CSAT pages: the feed's figures from known answers, the admin page (delay and wording, with errors shown on
 * the page), the portal's survey form, the group lead on the groups page, and complete bundles.
 */
class CsatPagesTests extends IntegrationTest {

	/** A time no other test uses, so the feed's period holds only this test's answers. */
	private static final Instant LATER = START.plus(Duration.ofDays(700));

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CsatFixtures csat;

	@Autowired
	CsatSurveys surveys;

	@Autowired
	CsatSendJob job;

	@Autowired
	CsatSettings settings;

	@Autowired
	IdentityApi identity;

	@Autowired
	MailState mailState;

	@BeforeEach
	void withoutMail() {
		mailState.withoutMail();
	}

	@AfterEach
	void restore() {
		mailState.restore();
		settings.saveDelay(CsatSettings.DEFAULT_DELAY_MINUTES);
		settings.resetTexts("ro");
	}

	@Test
	void shouldShowCsatAndResponseRateOfThePeriodAboveEveryAnswer() throws Exception {
		clock.set(LATER);
		Fixtures.Person agent = fixtures.anAgentIn("tier1");
		int[] ratings = { 5, 4, 2, 0 };
		TicketView commented = null;
		for (int i = 0; i < ratings.length; i++) {
			TicketView ticket = csat.aSolvedTicket(fixtures.aCustomer(), agent);
			csat.awaitSurveys(ticket.id(), 1);
			Instant offered = LATER.plus(Duration.ofHours(1 + i));
			surveys.recordPast(ticket.id(), ratings[i] == 0 ? null : ratings[i], ratings[i] == 2 ? "Slow, 很慢" : null,
					offered, offered.plus(Duration.ofMinutes(5)));
			if (ratings[i] == 2) {
				commented = ticket;
			}
		}
		clock.set(LATER.plus(Duration.ofDays(1)));

		String page = mvc.perform(get("/surveys/csat").param("days", "7").with(signedInAs(agent)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("data-csat-percent>67 %<", "data-csat-response>75 %<",
				"2 of 3 answers given in the period were 4 or 5", "3 of the 4 surveys sent in the period have an answer", "Slow, 很慢", agent.user().name());
		assertThat(page.split("data-csat-row", -1)).hasSize(4);

		String bad = mvc.perform(get("/surveys/csat").param("days", "7").param("rating", "2").with(signedInAs(agent)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(bad.split("data-csat-row", -1)).hasSize(2);

		// the support lead's dashboard quotes the same words, read from the answer (CsatRated only says "commented")
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mvc
			.perform(get("/analytics").param("days", "7").with(signedInAs(agent))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("Slow, 很慢"));
		assertThat(bad).contains("#" + commented.number());
		assertThat(mvc.perform(get("/surveys/csat").param("days", "x").param("rating", "<b>").with(signedInAs(agent)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("data-csat-percent");
		assertThat(mvc.perform(get("/tickets").with(signedInAs(agent))).andReturn().getResponse().getContentAsString())
			.contains("href=\"/surveys/csat\"");
	}

	@Test
	void shouldLetAnAdminSetTheDelayAndTheWording() throws Exception {
		Fixtures.Person admin = fixtures.anAdmin();
		assertThat(mvc.perform(get("/admin").with(signedInAs(admin))).andReturn().getResponse().getContentAsString())
			.contains("href=\"/admin/surveys\"");
		assertThat(mvc.perform(get("/admin/surveys").with(signedInAs(admin))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("value=\"60\"", "Cum apreciați asistența primită?");
		mvc.perform(get("/admin/surveys").with(signedInAs(fixtures.anAgentIn("tier1")))).andExpect(status().isForbidden());

		mvc.perform(post("/admin/surveys/delay").with(csrf()).with(signedInAs(admin)).param("delayMinutes", "15"))
			.andExpect(redirectedUrl("/admin/surveys"));
		assertThat(settings.delayMinutes()).isEqualTo(15);
		assertThat(mvc.perform(post("/admin/surveys/delay").with(csrf()).with(signedInAs(admin)).param("delayMinutes", "-3"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
			.contains("The delay is a number of minutes from 0 to 10080.");

		mvc.perform(post("/admin/surveys/texts/ro").with(csrf()).with(signedInAs(admin))
			.param("question", "Cât de mulțumit sunteți?").param("thanks", "").param("commentPrompt", ""))
			.andExpect(redirectedUrl("/admin/surveys#texts-ro"));
		assertThat(settings.texts("ro").question()).isEqualTo("Cât de mulțumit sunteți?");
		assertThat(settings.texts("ro").thanks()).isEqualTo("Vă mulțumim pentru răspuns!");
		assertThat(mvc.perform(post("/admin/surveys/texts/ro").with(csrf()).with(signedInAs(admin))
			.param("question", "x".repeat(501))).andExpect(status().isBadRequest()).andReturn().getResponse()
			.getContentAsString()).contains("A survey text can have at most 500 characters.");
		mvc.perform(post("/admin/surveys/texts/ro").with(csrf()).with(signedInAs(admin)).param("reset", "1"))
			.andExpect(redirectedUrl("/admin/surveys#texts-ro"));
		assertThat(settings.texts("ro").overridden()).isFalse();
		mvc.perform(post("/admin/surveys/texts/xx").with(csrf()).with(signedInAs(admin)).param("question", "?"))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldShowTheSurveyOnThePortalTicketAndRecordTheAnswer() throws Exception {
		Fixtures.Person customer = fixtures.aCustomer();
		TicketView ticket = csat.aSolvedTicket(customer, fixtures.anAgentIn("tier1"));
		csat.awaitSurveys(ticket.id(), 1);
		String before = mvc.perform(get("/portal/tickets/" + ticket.id()).with(signedInAs(customer)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(before).doesNotContain("data-csat-portal");

		clock.set(START.plus(Duration.ofHours(1)));
		job.run();
		assertThat(mvc.perform(get("/portal/tickets/" + ticket.id()).with(signedInAs(customer))).andReturn()
			.getResponse().getContentAsString()).contains("data-csat-portal", "How would you rate the support you received?");

		mvc.perform(post("/portal/tickets/" + ticket.id() + "/satisfaction").with(csrf()).with(signedInAs(customer))
			.param("rating", "seven")).andExpect(redirectedUrl("/portal/tickets/" + ticket.id() + "?csatInvalid=rating#csat"));
		mvc.perform(post("/portal/tickets/" + ticket.id() + "/satisfaction").with(csrf()).with(signedInAs(customer))
			.param("rating", "5").param("comment", "Thanks, Ioana!"))
			.andExpect(redirectedUrl("/portal/tickets/" + ticket.id() + "?rated#csat"));
		String after = mvc.perform(get("/portal/tickets/" + ticket.id()).param("rated", "").with(signedInAs(customer)))
			.andReturn().getResponse().getContentAsString();
		assertThat(after).contains("Your rating: 5 of 5", "Thanks, Ioana!", "Thank you for your answer!");

		Fixtures.Person stranger = fixtures.aCustomer();
		mvc.perform(post("/portal/tickets/" + ticket.id() + "/satisfaction").with(csrf()).with(signedInAs(stranger))
			.param("rating", "1")).andExpect(status().isNotFound());
		assertThat(surveys.offerFor(ticket.id(), customer.user()).orElseThrow().rating()).isEqualTo(5);
	}

	@Test
	void shouldNameAGroupLeadAmongItsActiveMembers() throws Exception {
		Fixtures.Person admin = fixtures.anAdmin();
		GroupView sales = identity.groupByKey("sales").orElseThrow();
		Fixtures.Person seller = fixtures.anAgentIn("sales");
		Fixtures.Person outsider = fixtures.anAgentIn("tier2");
		Long before = identity.groupLead(sales.id()).orElse(null);
		try {
			mvc.perform(post("/admin/groups/" + sales.id() + "/lead").with(csrf()).with(signedInAs(admin))
				.param("lead", String.valueOf(seller.id()))).andExpect(redirectedUrl("/admin/groups"));
			assertThat(identity.groupLead(sales.id())).contains(seller.id());
			assertThat(mvc.perform(post("/admin/groups/" + sales.id() + "/lead").with(csrf()).with(signedInAs(admin))
				.param("lead", String.valueOf(outsider.id()))).andExpect(status().isBadRequest()).andReturn()
				.getResponse().getContentAsString()).contains("The lead must be an active agent of the group.");
			assertThat(mvc.perform(get("/admin/groups").with(signedInAs(admin))).andReturn().getResponse()
				.getContentAsString()).contains("data-group-lead");
		}
		finally {
			identity.setGroupLead(sales.id(), before);
		}
	}

	@Test
	void shouldHaveEveryTextInEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("surveys");
		Bundles.assertEveryLanguageHasEveryKey("errors");
	}
}

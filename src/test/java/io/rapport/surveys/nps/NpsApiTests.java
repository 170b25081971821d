package io.rapport.surveys.nps;

import java.time.Duration;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/v1/nps/responses} (admins import answers: every error a problem naming its field, no throttle)
 * and the admin and results pages: a campaign made from the form, its errors shown beside the field, the figures
 * the results page shows from known answers.
 */
class NpsApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	NpsService nps;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldImportAnAnswerWithoutThrottling() throws Exception {
		Person admin = fixtures.anAdmin();
		Person customer = fixtures.aCustomer();

		importing(admin, "{\"contactId\":" + customer.id() + ",\"score\":9,\"comment\":\"Love it\","
				+ "\"answeredAt\":\"2026-02-01T10:00:00Z\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.score").value(9))
			.andExpect(jsonPath("$.category").value("promoter"))
			.andExpect(jsonPath("$.source").value("IMPORT"))
			.andExpect(jsonPath("$.answeredAt").value("2026-02-01T10:00:00Z"));
		importing(admin, "{\"contactId\":" + customer.id() + ",\"score\":3}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.answeredAt").value(START.toString()));

		assertThat(jdbc.queryForObject("select count(*) from nps_answers where contact_id = ?", Integer.class,
				customer.id())).isEqualTo(2);
	}

	@Test
	void shouldNameTheFieldOfEveryError() throws Exception {
		Person admin = fixtures.anAdmin();
		Person customer = fixtures.aCustomer();

		expectField(importing(admin, "{\"contactId\":" + customer.id() + ",\"score\":11}"), "score");
		expectField(importing(admin, "{\"contactId\":" + customer.id() + ",\"score\":-1}"), "score");
		expectField(importing(admin, "{\"contactId\":" + customer.id() + "}"), "score");
		expectField(importing(admin, "{\"contactId\":" + customer.id() + ",\"score\":\"ten\"}"), "score");
		expectField(importing(admin, "{\"contactId\":987654321,\"score\":5}"), "contactId");
		expectField(importing(admin, "{\"score\":5}"), "contactId");
		expectField(importing(admin, "{\"contactId\":" + customer.id() + ",\"score\":5,\"campaignId\":987654321}"),
				"campaignId");
		expectField(importing(admin, "{\"contactId\":" + customer.id() + ",\"score\":5,\"answeredAt\":\""
				+ START.plus(Duration.ofDays(1)) + "\"}"), "answeredAt");
		expectField(importing(admin, "{\"contactId\":" + customer.id() + ",\"score\":5,\"comment\":\""
				+ "x".repeat(5001) + "\"}"), "comment");
		assertThat(jdbc.queryForObject("select count(*) from nps_answers where contact_id = ?", Integer.class,
				customer.id())).isZero();
	}

	@Test
	void shouldLetOnlyAdminsImport() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomer();
		String body = "{\"contactId\":" + customer.id() + ",\"score\":5}";

		importing(agent, body).andExpect(status().isForbidden());
		importing(customer, body).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/nps/responses").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void shouldCreateACampaignFromTheAdminFormAndShowErrorsBesideTheField() throws Exception {
		Person admin = fixtures.anAdmin();
		Person customer = fixtures.aCustomer();

		mvc.perform(get("/admin/nps/new").with(signedInAs(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("How likely are you to recommend {company}")));
		mvc.perform(post("/admin/nps").with(csrf()).with(signedInAs(admin)).param("name", "Form campaign")
			.param("company", "Brightlane").param("audience", "LIST").param("emails", "not-an-address")
			.param("byEmail", "true").param("schedule", "RECURRING").param("everyDays", "30")
			.param("startsAt", "2026-03-02T09:00").param("active", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not-an-address is not an email address")));
		mvc.perform(post("/admin/nps").with(csrf()).with(signedInAs(admin)).param("name", "Form campaign")
			.param("company", "Brightlane").param("audience", "LIST").param("emails", customer.email())
			.param("byPortal", "true").param("schedule", "RECURRING").param("everyDays", "0")
			.param("startsAt", "2026-03-02T09:00").param("active", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("every 1 to 3650 days")));
		mvc.perform(post("/admin/nps").with(csrf()).with(signedInAs(admin)).param("name", "Form campaign")
			.param("company", "Brightlane").param("audience", "LIST").param("emails", customer.email())
			.param("byPortal", "true").param("schedule", "RECURRING").param("everyDays", "30")
			.param("startsAt", "2026-03-02T09:00").param("active", "true")
			.param("question.ro", "Ne-ați recomanda?"))
			.andExpect(status().is3xxRedirection());

		Campaign made = nps.all().stream().filter(c -> c.name().equals("Form campaign")).findFirst().orElseThrow();
		assertThat(made.emails()).containsExactly(customer.email());
		assertThat(made.question("ro")).isEqualTo("Ne-ați recomanda?");
		assertThat(made.question("eo")).isEqualTo("Kiom verŝajne vi rekomendus Brightlane al amiko aŭ kolego?");
		assertThat(made.nextRunAt()).isEqualTo(START);
		mvc.perform(get("/admin/nps").with(signedInAs(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Form campaign")));
		mvc.perform(get("/admin/nps/" + made.id()).with(signedInAs(admin))).andExpect(status().isOk());
		mvc.perform(get("/admin/nps").with(signedInAs(fixtures.anAgentIn("tier1")))).andExpect(status().isForbidden());
	}

	@Test
	void shouldShowTheScoreDistributionAndCommentsOfACampaign() throws Exception {
		Person admin = fixtures.anAdmin();
		List<Person> people = List.of(fixtures.aCustomer(), fixtures.aCustomer(), fixtures.aCustomer(),
				fixtures.aCustomer());
		long campaign = nps.createCampaign(new io.rapport.surveys.NpsCampaignDraft("Results " + System.nanoTime(),
				"Brightlane", "LIST", List.of(), people.stream().map(Person::email).toList(), false, true, "ONCE",
				START, null, true, java.util.Map.of()), admin.id());
		nps.sendDue(START);
		int[] scores = { 10, 9, 7, 2 };
		List<io.rapport.surveys.NpsApi.NpsInvitation> invitations = nps.invitations(campaign);
		for (int i = 0; i < 3; i++) {
			nps.answer(invitations.get(i).id(), scores[i], i == 2 ? "Solid, a bit slow" : null, START);
		}
		nps.answer(invitations.get(3).id(), scores[3], "Nothing works", START);

		// 2 promoters, 1 passive, 1 detractor of 4: 50 % - 25 % = 25; 4 of 4 invitations answered
		mvc.perform(get("/nps").param("campaign", String.valueOf(campaign)).with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong class=\"nps-big\">25</strong>")))
			.andExpect(content().string(containsString("4 of 4 invitations answered")))
			.andExpect(content().string(containsString("Nothing works")))
			.andExpect(content().string(containsString("Solid, a bit slow")));
		mvc.perform(get("/nps").param("campaign", String.valueOf(campaign)).param("category", "detractor")
			.with(signedInAs(admin)))
			.andExpect(content().string(containsString("Nothing works")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Solid, a bit slow"))));
		mvc.perform(get("/nps").param("by", "month").param("days", "365").with(signedInAs(admin)))
			.andExpect(status().isOk());
	}

	private ResultActions importing(Person who, String json) throws Exception {
		return mvc.perform(post("/api/v1/nps/responses").header("Authorization", who.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static void expectField(ResultActions result, String field) throws Exception {
		result.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field));
	}
}

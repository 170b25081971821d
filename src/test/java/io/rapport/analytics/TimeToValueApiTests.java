package io.rapport.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.UsageEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/metrics/ttv} on ten accounts that signed up in 2033, with their days to value computed by hand
 * (docs/metrics.md, "Time to value"). Every date is at noon UTC, so the company's time zone keeps its day.
 */
class TimeToValueApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ActivityApi activity;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	AccountsApi accounts;

	private final String valueEvent = "Invoice Sent " + System.nanoTime();

	private final List<UsageEvent> events = new ArrayList<>();

	@Test
	void shouldGiveTheMedianAndTheDistributionPerSignupCohort() throws Exception {
		// January 2033: days to value 0, 1, 5, 12, 25, 74 and one not yet
		AccountView a1 = signup("2033-01-05", "2033-01-05");
		AccountView a2 = signup("2033-01-10", "2033-01-11");
		AccountView a3 = signup("2033-01-10", "2033-01-15");
		signup("2033-01-20", "2033-02-01");
		signup("2033-01-20", "2033-02-14");
		signup("2033-01-31", "2033-04-15");
		signup("2033-01-31", null);
		// February 2033: 7 and 40 days, one not yet
		AccountView b1 = signup("2033-02-03", "2033-02-10");
		signup("2033-02-03", "2033-03-15");
		signup("2033-02-28", null);
		// a second value of a1, later: only the first counts
		value(a1, "2033-03-01");
		activity.load(events);
		activity.mark(valueEvent, true, false);
		Person agent = fixtures.anAgentIn("tier1");

		mvc.perform(get("/api/v1/metrics/ttv?from=2033-01&to=2033-03").header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metric").value("ttv"))
			.andExpect(jsonPath("$.from").value("2033-01"))
			.andExpect(jsonPath("$.to").value("2033-03"))
			.andExpect(jsonPath("$.start").value("signup"))
			.andExpect(jsonPath("$.accounts").value(10))
			.andExpect(jsonPath("$.reached").value(8))
			.andExpect(jsonPath("$.notYet").value(2))
			// 0, 1, 5, 7 | 12, 25, 40, 74: (7 + 12) / 2
			.andExpect(jsonPath("$.medianDays").value(9.5))
			// nearest rank: the 6th of 8
			.andExpect(jsonPath("$.p75Days").value(25))
			.andExpect(jsonPath("$.tooLittleData.length()").value(0))
			.andExpect(jsonPath("$.cohorts.length()").value(3))
			.andExpect(jsonPath("$.cohorts[0].month").value("2033-01"))
			.andExpect(jsonPath("$.cohorts[0].accounts").value(7))
			.andExpect(jsonPath("$.cohorts[0].reached").value(6))
			// 0, 1, 5 | 12, 25, 74: (5 + 12) / 2
			.andExpect(jsonPath("$.cohorts[0].medianDays").value(8.5))
			.andExpect(jsonPath("$.cohorts[0].distribution[0].bucket").value("0-1"))
			.andExpect(jsonPath("$.cohorts[0].distribution[0].count").value(2))
			.andExpect(jsonPath("$.cohorts[0].distribution[1].count").value(1))
			.andExpect(jsonPath("$.cohorts[0].distribution[2].count").value(1))
			.andExpect(jsonPath("$.cohorts[0].distribution[3].count").value(1))
			.andExpect(jsonPath("$.cohorts[0].distribution[4].count").value(0))
			.andExpect(jsonPath("$.cohorts[0].distribution[5].bucket").value(">60"))
			.andExpect(jsonPath("$.cohorts[0].distribution[5].count").value(1))
			.andExpect(jsonPath("$.cohorts[0].distribution[6].bucket").value("notYet"))
			.andExpect(jsonPath("$.cohorts[0].distribution[6].count").value(1))
			.andExpect(jsonPath("$.cohorts[1].month").value("2033-02"))
			.andExpect(jsonPath("$.cohorts[1].accounts").value(3))
			.andExpect(jsonPath("$.cohorts[1].reached").value(2))
			// two accounts reached value: too little data for a median
			.andExpect(jsonPath("$.cohorts[1].medianDays").value(nullValue()))
			.andExpect(jsonPath("$.cohorts[1].distribution[1].count").value(1))
			.andExpect(jsonPath("$.cohorts[1].distribution[4].count").value(1))
			.andExpect(jsonPath("$.cohorts[2].month").value("2033-03"))
			.andExpect(jsonPath("$.cohorts[2].accounts").value(0));

		mvc.perform(get("/api/v1/metrics/ttv.csv?from=2033-01&to=2033-02").header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("month,accounts,reached,notYet,medianDays,0-1,2-7,8-14,15-30,31-60,>60,")))
			.andExpect(content().string(containsString("\r\n2033-01,7,6,1,8.5,2,1,1,1,0,1,")))
			.andExpect(content().string(containsString("\r\ntotal,10,8,2,9.5,2,2,1,1,1,1,")));

		// the clock started by the subscription: a2 had value before it started (day 0), a3 3 days, b1 5 days
		subscribe(a2, "2033-01-12");
		subscribe(a3, "2033-01-12");
		subscribe(b1, "2033-02-05");
		mvc.perform(get("/api/v1/metrics/ttv?from=2033-01&to=2033-02&start=subscription")
			.header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.start").value("subscription"))
			.andExpect(jsonPath("$.accounts").value(3))
			.andExpect(jsonPath("$.reached").value(3))
			.andExpect(jsonPath("$.medianDays").value(nullValue()))
			.andExpect(jsonPath("$.p75Days").value(nullValue()))
			.andExpect(jsonPath("$.tooLittleData[0]").value("medianDays"))
			.andExpect(jsonPath("$.cohorts[0].accounts").value(2))
			.andExpect(jsonPath("$.cohorts[0].distribution[0].count").value(1))
			.andExpect(jsonPath("$.cohorts[0].distribution[1].count").value(1))
			.andExpect(jsonPath("$.cohorts[1].distribution[1].count").value(1));
	}

	@Test
	void shouldKeepTheAccountsOfOneLifecycleStage() throws Exception {
		Person owner = fixtures.anAgentIn("success");
		AccountView adopting = signup("2035-01-10", "2035-01-12");
		AccountView onboarding = signup("2035-01-10", "2035-01-20");
		activity.load(events);
		activity.mark(valueEvent, true, false);
		for (AccountView a : List.of(adopting, onboarding)) {
			accounts.setOwner(a.id(), owner.id());
			subscribe(a, "2035-01-10");
		}
		accounts.moveStage(adopting.id(), LifecycleStage.ADOPTION, "first report", "test");
		Person agent = fixtures.anAgentIn("tier1");
		String both = "/api/v1/metrics/mrr?from=2035-01&to=2035-01&owner=" + owner.id();
		await().atMost(Duration.ofSeconds(60)).until(() -> mvc.perform(get(both).header("Authorization", agent.bearer()))
			.andReturn().getResponse().getContentAsString().contains("\"endingMrrCents\":20000"));

		mvc.perform(get(both + "&stage=adoption").header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("adoption"))
			.andExpect(jsonPath("$.endingMrrCents").value(10000))
			.andExpect(jsonPath("$.payingAccounts").value(1));
		mvc.perform(get("/api/v1/metrics/ttv?from=2035-01&to=2035-01&stage=ADOPTION&owner=" + owner.id())
			.header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("adoption"))
			.andExpect(jsonPath("$.accounts").value(1))
			.andExpect(jsonPath("$.distribution[1].count").value(1));
		mvc.perform(get("/api/v1/metrics/ttv?from=2035-01&to=2035-01&owner=" + owner.id())
			.header("Authorization", agent.bearer()))
			.andExpect(jsonPath("$.accounts").value(2))
			.andExpect(jsonPath("$.distribution[2].count").value(1));
	}

	@Test
	void shouldRefuseABadStartAndCustomers() throws Exception {
		mvc.perform(get("/api/v1/metrics/churn?stage=churned").header("Authorization",
				fixtures.anAgentIn("tier1").bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("stage"));
		Person agent = fixtures.anAgentIn("tier1");
		mvc.perform(get("/api/v1/metrics/ttv?start=trial").header("Authorization", agent.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("start"));
		mvc.perform(get("/api/v1/metrics/ttv?from=2033-13").header("Authorization", agent.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get("/api/v1/metrics/ttv").header("Authorization", fixtures.aCustomer().bearer()))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
		mvc.perform(get("/api/v1/metrics/ttv")).andExpect(status().isUnauthorized());
	}

	private AccountView signup(String day, String valueDay) {
		clock.set(noon(day));
		AccountView account = fixtures.anAccount();
		clock.set(START);
		if (valueDay != null) {
			value(account, valueDay);
		}
		return account;
	}

	private void value(AccountView account, String day) {
		events.add(new UsageEvent(null, account.id(), null, "u-" + account.id(), valueEvent, noon(day), 0, Map.of()));
	}

	private void subscribe(AccountView account, String day) {
		subscriptions.create(new NewSubscription(account.id(), "Growth", 10_000L, "USD", 1, noon(day), null, null),
				null);
	}

	private static Instant noon(String day) {
		return LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
	}
}

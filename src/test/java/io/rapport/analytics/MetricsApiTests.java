package io.rapport.analytics;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/v1/metrics}: defaults, CSV, spend written by admins only, who may read, and a 400 naming each bad parameter. */
class MetricsApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldAnswerEveryMetricForTheLastTwelveMonthsByDefault() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		for (String kind : new String[] { "churn", "mrr", "nrr", "clv", "ltv-cac" }) {
			mvc.perform(get("/api/v1/metrics/" + kind).header("Authorization", agent.bearer()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.from").value("2025-04"))
				.andExpect(jsonPath("$.to").value("2026-03"))
				.andExpect(jsonPath("$.currency").value("USD"))
				.andExpect(jsonPath("$.timeZone").value("UTC"))
				.andExpect(jsonPath("$.tooLittleData").isArray());
		}
		mvc.perform(get("/api/v1/metrics/churn").header("Authorization", agent.bearer()))
			.andExpect(jsonPath("$.periods.length()").value(12))
			.andExpect(jsonPath("$.periods[0].period").value("2025-04"))
			.andExpect(jsonPath("$.accountsAtStart").isNumber())
			.andExpect(jsonPath("$.accountsLost").isNumber())
			.andExpect(jsonPath("$.startingMrrCents").isNumber())
			.andExpect(jsonPath("$.churnedMrrCents").isNumber())
			.andExpect(jsonPath("$.contractionMrrCents").isNumber());
		mvc.perform(get("/api/v1/metrics/adoption").header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2026-02-01"))
			.andExpect(jsonPath("$.to").value("2026-03-02"))
			.andExpect(jsonPath("$.eligibleUsers").isNumber())
			.andExpect(jsonPath("$.adoptingUsers").isNumber());
	}

	@Test
	void shouldGiveEachTableAsCsvWithItsTotal() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		mvc.perform(get("/api/v1/metrics/mrr.csv?from=2030-01&to=2030-03&plan=nobody-has-this").header("Authorization",
				agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("mrr-2030-01-2030-03.csv")))
			.andExpect(content().string(startsWith("period,startingMrrCents,newMrrCents,expansionMrrCents,")))
			.andExpect(content().string(containsString("\r\n2030-02,0,0,0,0,0,0,0,0,0,,0,0,0,0,0,0,0,quickRatio\r\n")))
			.andExpect(content().string(containsString("\r\ntotal,0,0,0,")));
		mvc.perform(get("/api/v1/metrics/clv?from=2030-01&to=2030-03&plan=nobody-has-this&format=csv")
			.header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("period,arpaCents,payingAccounts,")));
	}

	@Test
	void shouldLetOnlyAdminsEnterSpendAndRates() throws Exception {
		Person admin = fixtures.anAdmin();
		Person agent = fixtures.anAgentIn("tier1");
		mvc.perform(put("/api/v1/metrics/spend/2029-05").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"amountCents\": 1250050}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.month").value("2029-05"))
			.andExpect(jsonPath("$.amountCents").value(1250050))
			.andExpect(jsonPath("$.currency").value("USD"));
		mvc.perform(put("/api/v1/metrics/spend/2029-05").header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"amountCents\": 1}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/metrics/ltv-cac?from=2029-05&to=2029-05").header("Authorization", agent.bearer()))
			.andExpect(jsonPath("$.spendCents").value(1250050))
			.andExpect(jsonPath("$.spendMonths").value(1))
			.andExpect(jsonPath("$.monthsWithoutSpend.length()").value(0));
		expectBadPut(admin, "/api/v1/metrics/spend/May-2029", "{\"amountCents\": 1}", "month");
		expectBadPut(admin, "/api/v1/metrics/spend/2029-05", "{\"amountCents\": -5}", "amountCents");
		expectBadPut(admin, "/api/v1/metrics/spend/2029-05", "{}", "amountCents");
		expectBadPut(admin, "/api/v1/metrics/spend/2029-05", "{\"amountCents\": 5, \"currency\": \"XYZ\"}", "currency");
		mvc.perform(put("/api/v1/metrics/rates/2029-05/eur").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"rate\": 1.085}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.reportingCurrency").value("USD"));
		expectBadPut(admin, "/api/v1/metrics/rates/2029-05/EUR", "{\"rate\": 0}", "rate");
		expectBadPut(admin, "/api/v1/metrics/rates/2029-05/USD", "{\"rate\": 2}", "currency");
		mvc.perform(put("/api/v1/metrics/rates/2029-05/EUR").header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"rate\": 1.1}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldNameTheParameterAtFaultIn400s() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		expectBad(agent, "/api/v1/metrics/speed", "metric");
		expectBad(agent, "/api/v1/metrics/churn?from=2026-1", "from");
		expectBad(agent, "/api/v1/metrics/churn?to=yesterday", "to");
		expectBad(agent, "/api/v1/metrics/churn?from=2026-03&to=2026-01", "from");
		expectBad(agent, "/api/v1/metrics/churn?from=2010-01&to=2026-01", "to");
		expectBad(agent, "/api/v1/metrics/mrr?period=week", "period");
		expectBad(agent, "/api/v1/metrics/mrr?owner=amara", "owner");
		expectBad(agent, "/api/v1/metrics/clv?lifetimeMonths=-3", "lifetimeMonths");
		expectBad(agent, "/api/v1/metrics/clv?lifetimeMonths=forever", "lifetimeMonths");
		expectBad(agent, "/api/v1/metrics/churn?format=xml", "format");
		expectBad(agent, "/api/v1/metrics/adoption?by=teams", "by");
		expectBad(agent, "/api/v1/metrics/adoption?from=2026-02-30", "from");
		expectBad(agent, "/api/v1/metrics/adoption?from=2024-01-01&to=2026-01-01", "to");
	}

	@Test
	void shouldKeepMetricsFromCustomersAndStrangers() throws Exception {
		Person customer = fixtures.aCustomer();
		mvc.perform(get("/api/v1/metrics/mrr").header("Authorization", customer.bearer()))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
		mvc.perform(get("/api/v1/metrics/adoption").header("Authorization", customer.bearer()))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
		mvc.perform(get("/api/v1/metrics/mrr")).andExpect(status().isUnauthorized());
	}

	private void expectBad(Person agent, String url, String field) throws Exception {
		mvc.perform(get(url).header("Authorization", agent.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private void expectBadPut(Person admin, String url, String body, String field) throws Exception {
		mvc.perform(put(url).header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}
}

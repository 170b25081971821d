package io.rapport.analytics;

import java.time.Duration;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.surveys.CsatRated;
import io.rapport.tickets.Channel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/reports/...}: the shape, CSV, who may ask, and a 400 naming each bad parameter. */
class ReportsApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void shouldAnswerExactlyFromToGroupByTotalAndRows() throws Exception {
		AccountView account = fixtures.anAccount();
		Person agent = fixtures.anAgentIn("tier1");
		long base = System.nanoTime();
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			events.publishEvent(csat(base + 1, account.id(), 5, Channel.EMAIL));
			events.publishEvent(csat(base + 2, account.id(), 2, Channel.EMAIL));
			events.publishEvent(csat(base + 3, account.id(), 4, Channel.CHAT));
		});
		String url = "/api/v1/reports/csat?from=2026-03-01&to=2026-03-02&groupBy=channel&account=" + account.id();
		await().atMost(Duration.ofSeconds(20)).until(() -> mvc.perform(get(url).header("Authorization", agent.bearer()))
			.andReturn().getResponse().getContentAsString().contains("\"count\":3"));

		String body = mvc.perform(get(url).header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2026-03-01"))
			.andExpect(jsonPath("$.to").value("2026-03-02"))
			.andExpect(jsonPath("$.groupBy").value("channel"))
			.andExpect(jsonPath("$.total.count").value(3))
			.andExpect(jsonPath("$.total.value").value(66.7))
			.andExpect(jsonPath("$.rows[0].key").value("EMAIL"))
			.andExpect(jsonPath("$.rows[0].count").value(2))
			.andExpect(jsonPath("$.rows[0].value").value(50.0))
			.andExpect(jsonPath("$.rows[1].key").value("CHAT"))
			.andExpect(jsonPath("$.rows[1].value").value(100.0))
			.andReturn().getResponse().getContentAsString();
		assertThat(new tools.jackson.databind.ObjectMapper().readTree(body).propertyNames())
			.containsExactly("from", "to", "groupBy", "total", "rows");

		mvc.perform(get(url.replace("/csat?", "/csat.csv?")).header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("csat-2026-03-01-2026-03-02-by-channel.csv")))
			.andExpect(content().string(containsString("key,count,value,satisfied,commented,averageRating,"
					+ "surveysSent,surveysAnswered,responseRate\r\nEMAIL,2,50.0,1,1,3.5,0,0,\r\n"
					+ "CHAT,1,100.0,1,0,4.0,0,0,\r\ntotal,3,66.7,2,1,3.67,0,0,\r\n")));
		mvc.perform(get(url + "&format=csv").header("Authorization", agent.bearer()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("total,3,66.7")));
	}

	@Test
	void shouldAnswerEveryReportForTheDefaultPeriod() throws Exception {
		Person admin = fixtures.anAdmin();
		for (String kind : List.of("asa", "csat", "nps", "sla", "volume")) {
			mvc.perform(get("/api/v1/reports/" + kind).header("Authorization", admin.bearer()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.from").value("2026-02-01"))
				.andExpect(jsonPath("$.to").value("2026-03-02"))
				.andExpect(jsonPath("$.total.count").isNumber())
				.andExpect(jsonPath("$.rows").isArray());
		}
	}

	@Test
	void shouldNameTheParameterAtFaultIn400s() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		expectBad(agent, "/api/v1/reports/asa?groupBy=colour", "groupBy");
		expectBad(agent, "/api/v1/reports/asa?from=2026-03-05&to=2026-03-01", "from");
		expectBad(agent, "/api/v1/reports/asa?from=yesterday", "from");
		expectBad(agent, "/api/v1/reports/asa?to=2026-13-01", "to");
		expectBad(agent, "/api/v1/reports/asa?from=2020-01-01&to=2026-03-01", "to");
		expectBad(agent, "/api/v1/reports/asa?channel=pigeon", "channel");
		expectBad(agent, "/api/v1/reports/asa?group=nobody", "group");
		expectBad(agent, "/api/v1/reports/asa?account=abc", "account");
		expectBad(agent, "/api/v1/reports/nps?groupBy=channel", "groupBy");
		expectBad(agent, "/api/v1/reports/nps?channel=EMAIL", "channel");
		expectBad(agent, "/api/v1/reports/asa?groupBy=target", "groupBy");
		expectBad(agent, "/api/v1/reports/speed", "report");
		expectBad(agent, "/api/v1/reports/asa?format=xml", "format");
	}

	@Test
	void shouldKeepReportsFromCustomersAndStrangers() throws Exception {
		Person customer = fixtures.aCustomer();
		mvc.perform(get("/api/v1/reports/asa").header("Authorization", customer.bearer()))
			.andExpect(status().is4xxClientError())
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
		mvc.perform(get("/api/v1/reports/asa")).andExpect(status().isUnauthorized());
	}

	private void expectBad(Person agent, String url, String field) throws Exception {
		mvc.perform(get(url).header("Authorization", agent.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private static CsatRated csat(long answerId, long account, int rating, Channel channel) {
		return new CsatRated(answerId, answerId, answerId, account, null, "tier1", channel, rating, rating < 3,
				START.minusSeconds(3600), START);
	}
}

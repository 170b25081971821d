package io.rapport.analytics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewContact;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionChange;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.UsageEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Cohort retention against the tables computed by hand in src/test/resources/metrics/cohorts.csv: people and
 * accounts, on and on or after, first-time and recurring, repeats, revenue; the members of a cell; in-progress
 * cells; CSV; bad parameters. The usage lives in 2019 and the ledger in 2020–2021, where no other test writes.
 */
class RetentionMetricsTests extends IntegrationTest {

	private static final Map<String, String> CASES = Map.of(
			"users-on", "level=users&period=week&from=2019-01-07&to=2019-01-14&periods=4",
			"users-onOrAfter", "level=users&period=week&from=2019-01-07&to=2019-01-14&periods=4&mode=onOrAfter",
			"users-repeats", "from=2019-01-07&to=2019-01-14&periods=4&returnEvent=Report%20Built&repeats=2",
			"users-recurring", "from=2019-01-07&to=2019-01-21&periods=3&startEvent=Signed%20Up&recurring=true",
			"users-firsttime", "from=2019-01-07&to=2019-01-21&periods=3&startEvent=Signed%20Up&recurring=false",
			"accounts", "level=accounts&from=2018-12-31&to=2019-01-14&periods=4",
			"revenue", "level=revenue&from=2021-01&to=2021-02&periods=4");

	private static boolean loaded;

	private static final Map<String, AccountView> ACCOUNTS = new HashMap<>();

	private static long adaId;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	ActivityApi activity;

	@Autowired
	SubscriptionsApi subscriptions;

	private final ObjectMapper json = new ObjectMapper();

	private Person agent;

	@BeforeEach
	void loadTheInventedProductOnce() throws Exception {
		agent = fixtures.anAgentIn("tier1");
		synchronized (RetentionMetricsTests.class) {
			if (loaded) {
				return;
			}
			List<UsageEvent> events = new ArrayList<>();
			Map<String, SubscriptionView> subs = new HashMap<>();
			String plan = "Cohorts-" + System.nanoTime();
			for (String[] line : csv()) {
				if ("usage".equals(line[0])) {
					AccountView account = ACCOUNTS.computeIfAbsent(line[1], n -> fixtures.anAccount());
					Long contact = null;
					String user = null;
					if ("P1".equals(line[2])) {
						if (adaId == 0) {
							adaId = accounts.createContact(new NewContact(Fixtures.uniqueEmail("ada", "cohort.test"),
									"Ada Cohort", account.id(), null)).id();
						}
						contact = adaId;
					}
					else if (!"-".equals(line[2])) {
						user = "cohort-" + line[2].toLowerCase();
					}
					Instant at = LocalDate.parse(line[3]).atTime(12, 0).toInstant(ZoneOffset.UTC);
					for (int i = 0; i < Integer.parseInt(line[5]); i++) {
						events.add(new UsageEvent(null, account.id(), contact, user, line[4], at.plusSeconds(i), 0, Map.of()));
					}
				}
				else if ("ledger".equals(line[0])) {
					AccountView account = ACCOUNTS.computeIfAbsent(line[1], n -> fixtures.anAccount());
					Instant at = LocalDate.parse(line[3]).atTime(12, 0).toInstant(ZoneOffset.UTC);
					switch (line[2]) {
						case "start" -> subs.put(line[1], subscriptions.create(new NewSubscription(account.id(), plan,
								Long.parseLong(line[4]), "USD", 1, at, null, null), null));
						case "change" -> subscriptions.change(subs.get(line[1]).id(), new SubscriptionChange(null,
								Long.parseLong(line[4]), null, at), null);
						case "cancel" -> subscriptions.cancel(subs.get(line[1]).id(),
								new SubscriptionCancellation(at, "test"), null);
						default -> throw new IllegalStateException(line[2]);
					}
				}
			}
			activity.load(events);
			String mrr = "/api/v1/metrics/mrr?from=2021-01&to=2021-05&plan=" + plan;
			await().atMost(Duration.ofSeconds(30)).until(() -> api(mrr).get("endingMrrCents").asLong() == 40_000
					&& api(mrr).get("churnedMrrCents").asLong() == 34_000);
			loaded = true;
		}
	}

	@Test
	void shouldReproduceEveryHandComputedCell() throws Exception {
		Map<String, List<String[]>> rows = new HashMap<>();
		Map<String, String[]> weighted = new HashMap<>();
		for (String[] line : csv()) {
			if ("expect".equals(line[0])) {
				rows.computeIfAbsent(line[1], k -> new ArrayList<>()).add(line);
			}
			else if ("weighted".equals(line[0])) {
				weighted.put(line[1], line);
			}
		}
		assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(CASES.keySet());
		for (Map.Entry<String, String> c : CASES.entrySet()) {
			String name = c.getKey();
			JsonNode table = api("/api/v1/metrics/retention?" + c.getValue());
			List<String[]> expected = rows.get(name);
			assertThat(table.get("cohorts").size()).as(name).isEqualTo(expected.size());
			for (int r = 0; r < expected.size(); r++) {
				String[] line = expected.get(r);
				JsonNode cohort = table.get("cohorts").get(r);
				assertThat(cohort.get("start").asString()).as(name).isEqualTo(line[2]);
				assertThat(cohort.get("size").asLong()).as(name + " " + line[2] + " size").isEqualTo(Long.parseLong(line[3]));
				assertThat(cohort.get("periods").size()).as(name + " " + line[2]).isEqualTo(line.length - 4);
				for (int n = 0; n < line.length - 4; n++) {
					JsonNode cell = cohort.get("periods").get(n);
					String what = name + " " + line[2] + " column " + n;
					assertThat(cell.get("n").asInt()).isEqualTo(n);
					assertThat(cell.get("inProgress").asBoolean()).as(what).isFalse();
					assertCell(cell.get("retained"), cell.get("rate"), line[4 + n], what);
				}
				if (Long.parseLong(line[3]) < 5) {
					assertThat(table.get("tooLittleData").toString()).as(name).contains(line[2]);
				}
			}
			String[] mean = weighted.get(name);
			assertThat(table.get("weighted").size()).as(name).isEqualTo(mean.length - 2);
			for (int n = 0; n < mean.length - 2; n++) {
				JsonNode w = table.get("weighted").get(n);
				assertCell(w.get("retained"), w.get("rate"), mean[2 + n], name + " weighted " + n);
				if (mean[2 + n].endsWith("/-")) {
					assertThat(table.get("tooLittleData").toString()).contains("weighted." + n);
				}
			}
		}
	}

	@Test
	void shouldEchoTheOptionsAndCountPayingAccountsOfRevenueCells() throws Exception {
		JsonNode table = api("/api/v1/metrics/retention?" + CASES.get("users-onOrAfter"));
		assertThat(table.get("level").asString()).isEqualTo("users");
		assertThat(table.get("period").asString()).isEqualTo("week");
		assertThat(table.get("from").asString()).isEqualTo("2019-01-07");
		assertThat(table.get("to").asString()).isEqualTo("2019-01-14");
		assertThat(table.get("mode").asString()).isEqualTo("onOrAfter");
		assertThat(table.get("recurring").asBoolean()).isFalse();
		assertThat(table.get("repeats").asLong()).isEqualTo(1);
		assertThat(table.get("startEvent").isNull()).isTrue();
		assertThat(table.get("weighted").get(1).get("cohorts").asInt()).isEqualTo(2);
		// a day inside a week names the week; a month the week holding its first day
		assertThat(api("/api/v1/metrics/retention?from=2019-01-09&to=2019-01-20&periods=4").get("from").asString())
			.isEqualTo("2019-01-07");
		JsonNode revenue = api("/api/v1/metrics/retention?" + CASES.get("revenue"));
		assertThat(revenue.get("period").asString()).isEqualTo("month");
		assertThat(revenue.get("currency").asString()).isEqualTo("USD");
		List<Long> paying = new ArrayList<>();
		revenue.get("cohorts").forEach(c -> c.get("periods").forEach(cell -> paying.add(cell.get("accounts").asLong())));
		assertThat(paying).containsExactly(3L, 2L, 1L, 1L, 2L, 1L, 2L, 2L);
		assertThat(revenue.get("cohorts").get(0).get("mrrCents").asLong()).isEqualTo(34_000);
	}

	@Test
	void shouldMarkCellsInProgressAndLeaveOutThoseNotBegun() throws Exception {
		clock.set(Instant.parse("2019-01-23T12:00:00Z"));
		JsonNode table = api("/api/v1/metrics/retention?" + CASES.get("users-on"));
		JsonNode w0 = table.get("cohorts").get(0).get("periods");
		JsonNode w1 = table.get("cohorts").get(1).get("periods");
		assertThat(w0.size()).isEqualTo(3);
		assertThat(w0.get(1).get("inProgress").asBoolean()).isFalse();
		assertThat(w0.get(2).get("inProgress").asBoolean()).isTrue();
		assertThat(w1.size()).isEqualTo(2);
		assertThat(w1.get(1).get("inProgress").asBoolean()).isTrue();
		// column 2 has no complete cell: no mean; column 1 only W0's, 4 people: too little
		assertThat(table.get("weighted").get(2).get("cohorts").asInt()).isZero();
		assertThat(table.get("weighted").get(2).get("rate").isNull()).isTrue();
		assertThat(table.get("weighted").get(1).get("cohorts").asInt()).isEqualTo(1);
		// the default table ends with the week holding today
		assertThat(api("/api/v1/metrics/retention").get("to").asString()).isEqualTo("2019-01-21");
	}

	@Test
	void shouldListTheMembersOfACell() throws Exception {
		JsonNode people = api("/api/v1/metrics/retention/members?cohort=2019-01-07&n=1&" + CASES.get("users-on"));
		assertThat(people.get("total").asLong()).isEqualTo(3);
		assertThat(people.get("members").get(0).get("id").asString()).isEqualTo("c:" + adaId);
		assertThat(people.get("members").get(0).get("name").asString()).isEqualTo("Ada Cohort");
		assertThat(people.get("members").get(0).get("accountName").asString()).isEqualTo(ACCOUNTS.get("A").name());
		assertThat(people.get("members").get(1).get("name").asString()).isEqualTo("cohort-p2");
		assertThat(people.get("members").get(2).get("name").asString()).isEqualTo("cohort-p4");
		assertThat(people.get("members").get(2).get("accountId").asLong()).isEqualTo(ACCOUNTS.get("B").id());
		JsonNode all = api("/api/v1/metrics/retention/members?cohort=2019-01-07&n=0&" + CASES.get("users-on") + "&limit=2");
		assertThat(all.get("total").asLong()).isEqualTo(4);
		assertThat(all.get("members").size()).isEqualTo(2);
		JsonNode after = api("/api/v1/metrics/retention/members?cohort=2019-01-14&n=2&" + CASES.get("users-onOrAfter"));
		assertThat(after.get("total").asLong()).isEqualTo(3);
		JsonNode accountsCell = api("/api/v1/metrics/retention/members?cohort=2019-01-14&n=1&" + CASES.get("accounts"));
		assertThat(accountsCell.get("total").asLong()).isEqualTo(1);
		assertThat(accountsCell.get("members").get(0).get("id").asLong()).isEqualTo(ACCOUNTS.get("C").id());
		assertThat(accountsCell.get("members").get(0).get("name").asString()).isEqualTo(ACCOUNTS.get("C").name());
		JsonNode revenueCell = api("/api/v1/metrics/retention/members?cohort=2021-02&n=1&level=revenue");
		assertThat(revenueCell.get("total").asLong()).isEqualTo(1);
		assertThat(revenueCell.get("members").get(0).get("id").asLong()).isEqualTo(ACCOUNTS.get("R3").id());
		assertThat(api("/api/v1/metrics/retention/members?cohort=2021-02&n=2&level=revenue").get("total").asLong())
			.isEqualTo(2);
		mvc.perform(get("/api/v1/metrics/retention/members.csv?cohort=2019-01-07&n=1&" + CASES.get("users-on"))
			.header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(content().string(startsWith("id,name,accountId,accountName\r\nc:" + adaId + ",Ada Cohort,")))
			.andExpect(content().string(containsString("\r\nu:cohort-p4,cohort-p4," + ACCOUNTS.get("B").id() + ",")));
	}

	@Test
	void shouldGiveTheTableAsCsv() throws Exception {
		mvc.perform(get("/api/v1/metrics/retention.csv?" + CASES.get("users-on")).header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("retention-users-2019-01-07-2019-01-14.csv")))
			.andExpect(content().string(startsWith("cohort,size,retained0,rate0,retained1,rate1,retained2,rate2,retained3,rate3\r\n"
					+ "2019-01-07,4,4,1.0,3,0.75,2,0.5,2,0.5\r\n2019-01-14,3,3,1.0,2,0.6667,2,0.6667,2,0.6667\r\n"
					+ "weighted,,7,1.0,5,0.7143,4,0.5714,4,0.5714\r\n")));
		mvc.perform(get("/api/v1/metrics/retention?format=csv&" + CASES.get("revenue")).header("Authorization",
				agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\r\n2021-02,2,15000,1.0,5000,0.3333,18000,1.2,18000,1.2\r\n")));
	}

	@Test
	void shouldNameTheParameterAtFaultAndKeepCustomersOut() throws Exception {
		expectBad("/api/v1/metrics/retention?level=teams", "level");
		expectBad("/api/v1/metrics/retention?period=hour", "period");
		expectBad("/api/v1/metrics/retention?level=revenue&period=week", "period");
		expectBad("/api/v1/metrics/retention?periods=0", "periods");
		expectBad("/api/v1/metrics/retention?periods=many", "periods");
		expectBad("/api/v1/metrics/retention?mode=after", "mode");
		expectBad("/api/v1/metrics/retention?recurring=maybe", "recurring");
		expectBad("/api/v1/metrics/retention?repeats=0", "repeats");
		expectBad("/api/v1/metrics/retention?from=2019-13-01", "from");
		expectBad("/api/v1/metrics/retention?from=2019-02-01&to=2019-01-01", "from");
		expectBad("/api/v1/metrics/retention?period=day&from=2019-01-01&to=2019-12-31", "to");
		expectBad("/api/v1/metrics/retention?format=xml", "format");
		expectBad("/api/v1/metrics/retention/members?n=1", "cohort");
		expectBad("/api/v1/metrics/retention/members?cohort=2019-01-07&n=9&periods=4", "n");
		expectBad("/api/v1/metrics/retention/members?cohort=2019-01-07&from=2019-01-14&to=2019-01-21", "cohort");
		Person customer = fixtures.aCustomer();
		mvc.perform(get("/api/v1/metrics/retention").header("Authorization", customer.bearer()))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
		mvc.perform(get("/api/v1/metrics/retention/members?cohort=2019-01-07").header("Authorization",
				customer.bearer()))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
		mvc.perform(get("/api/v1/metrics/retention")).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldShowTheHeatMapOnTheBusinessPageWithEachCellOpeningItsMembers() throws Exception {
		mvc.perform(get("/analytics/business").with(signedInAs(agent)).param("rfrom", "2019-01-07")
			.param("rto", "2019-01-14").param("rperiods", "4"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Retention by cohort"), containsString("id=\"retention-heatmap\""),
					containsString("class=\"num heat-8\""), containsString(">75%</a>"), containsString(">71.4%</td>"),
					containsString("/analytics/business/retention/members?level=users&amp;period=week&amp;from=2019-01-07"
							+ "&amp;to=2019-01-14&amp;periods=4&amp;mode=on&amp;recurring=false&amp;repeats=1&amp;cohort=2019-01-07&amp;n=1"),
					containsString("/api/v1/metrics/retention.csv?level=users&amp;period=week&amp;from=2019-01-07"))));
		mvc.perform(get("/analytics/business").with(signedInAs(agent)).param("rperiod", "hour"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Periods are days, weeks or months, not &quot;hour&quot;")));
		mvc.perform(get("/analytics/business/retention/members").with(signedInAs(agent)).param("cohort", "2019-01-07")
			.param("n", "1").param("from", "2019-01-07").param("to", "2019-01-14").param("periods", "4"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Ada Cohort"), containsString("cohort-p4"),
					containsString("Cohort 2019-01-07, Week 1: 3 retained"),
					containsString("/api/v1/metrics/retention/members.csv?level=users"))));
		mvc.perform(get("/analytics/business/retention/members").with(signedInAs(agent)).param("n", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Name a cohort of the table")));
		mvc.perform(get("/analytics/business/retention/members").with(signedInAs(fixtures.aCustomer()))
			.param("cohort", "2019-01-07"))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
	}

	private void expectBad(String url, String field) throws Exception {
		mvc.perform(get(url).header("Authorization", agent.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private static void assertCell(JsonNode retained, JsonNode rate, String expected, String what) {
		String[] parts = expected.split("/");
		assertThat(retained.asLong()).as(what + " retained").isEqualTo(Long.parseLong(parts[0]));
		if ("-".equals(parts[1])) {
			assertThat(rate.isNull()).as(what + " rate null").isTrue();
		}
		else {
			assertThat(new BigDecimal(rate.asString())).as(what + " rate").isEqualByComparingTo(new BigDecimal(parts[1]));
		}
	}

	private JsonNode api(String url) throws Exception {
		// a URI as written: its %20 is a space, not a percent sign to encode again
		String body = mvc.perform(get(java.net.URI.create(url)).header("Authorization", agent.bearer())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return json.readTree(body);
	}

	private static List<String[]> csv() throws IOException {
		List<String[]> lines = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				RetentionMetricsTests.class.getResourceAsStream("/metrics/cohorts.csv"), StandardCharsets.UTF_8))) {
			in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> lines.add(l.split(",", -1)));
		}
		return lines;
	}
}

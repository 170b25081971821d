package io.rapport.analytics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.MovementKind;
import io.rapport.accounts.MovementView;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionChange;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.activity.ActivityApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The revenue metrics against figures computed by hand: the seed's three worked examples, a small company's year
 * (src/test/resources/metrics), month boundaries in the company's time zone and exchange rates. Every test keeps
 * to a plan (or days) of its own, since the database is shared.
 */
class BusinessMetricsTests extends IntegrationTest {

	private static final AtomicLong FAKE_ACCOUNTS = new AtomicLong(9_000_000_000L + System.nanoTime() % 1_000_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	RevenueRows rows;

	@Autowired
	RevenueModel model;

	@Autowired
	MetricSettings settings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ActivityApi activity;

	@Autowired
	PlatformTransactionManager transactions;

	private final ObjectMapper json = new ObjectMapper();

	@AfterEach
	void restoreSettings() {
		model.saveSettings("USD", "UTC", "0.8");
	}

	@Test
	void shouldGiveTheSeedsLogoChurnOf50LostOf1000AtTheStartOfFebruary() throws Exception {
		// Given 1,000 accounts paying since 2030, 50 of them cancelled in February 2031, and 20 new in February
		String plan = plan("Seed-churn");
		List<MovementView> ledger = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			long account = FAKE_ACCOUNTS.incrementAndGet();
			ledger.add(movement(account, MovementKind.NEW, "2030-06-15T12:00:00Z", plan, 10_000, "USD"));
			if (i < 50) {
				ledger.add(movement(account, MovementKind.CANCELLATION, "2031-02-10T12:00:00Z", plan, 0, "USD"));
			}
		}
		for (int i = 0; i < 20; i++) {
			ledger.add(movement(FAKE_ACCOUNTS.incrementAndGet(), MovementKind.NEW, "2031-02-03T12:00:00Z", plan, 5_000,
					"USD"));
		}
		write(ledger);

		JsonNode churn = api("/api/v1/metrics/churn?from=2031-02&to=2031-02&plan=" + plan);

		assertThat(churn.get("accountsAtStart").asLong()).isEqualTo(1000);
		assertThat(churn.get("accountsLost").asLong()).isEqualTo(50);
		assertThat(churn.get("logoChurnRate").asDouble()).isEqualTo(0.05);
		assertThat(churn.get("startingMrrCents").asLong()).isEqualTo(10_000_000);
		assertThat(churn.get("churnedMrrCents").asLong()).isEqualTo(500_000);
		assertThat(churn.get("contractionMrrCents").asLong()).isZero();
		assertThat(churn.get("grossRevenueChurnRate").asDouble()).isEqualTo(0.05);
		assertThat(churn.get("newAccountsExcluded").asLong()).isEqualTo(20);
		assertThat(churn.get("tooLittleData")).isEmpty();
	}

	@Test
	void shouldGiveTheSeedsLifetimeValueOf3600ForArpa100Over36Months() throws Exception {
		String plan = plan("Seed-clv");
		List<MovementView> ledger = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ledger.add(movement(FAKE_ACCOUNTS.incrementAndGet(), MovementKind.NEW, "2031-01-05T12:00:00Z", plan,
					5_000 + 1_000 * i, "USD"));
		}
		// ARPA: (5,000 + 6,000 + ... + 14,000) / 10 = 9,500 cents; one account grows by 5,000: 10,000
		ledger.add(movement(ledger.get(0).accountId(), MovementKind.EXPANSION, "2031-02-05T12:00:00Z", plan, 10_000,
				"USD", ledger.get(0).subscriptionId()));
		write(ledger);

		JsonNode clv = api("/api/v1/metrics/clv?from=2031-02&to=2031-03&lifetimeMonths=36&plan=" + plan);

		assertThat(clv.get("arpaCents").asLong()).isEqualTo(10_000);
		assertThat(clv.get("payingAccounts").asLong()).isEqualTo(10);
		assertThat(clv.get("lifetimeMonths").asDouble()).isEqualTo(36.0);
		assertThat(clv.get("lifetimeGiven").asBoolean()).isTrue();
		assertThat(clv.get("simpleClvCents").asLong()).isEqualTo(360_000);
		// nothing lost: both lifetimes are capped at 120 months
		assertThat(clv.get("churnBasedLifetimeMonths").asDouble()).isEqualTo(120.0);
		assertThat(clv.get("churnBasedClvCents").asLong()).isEqualTo(10_000 * 120 * 8 / 10);
		assertThat(api("/api/v1/metrics/clv?from=2031-02&to=2031-03&plan=" + plan).get("lifetimeMonths").asDouble())
			.isEqualTo(120.0);
	}

	@Test
	void shouldGiveTheSeedsAdoptionOf500Of1000Users() throws Exception {
		// Given 1,000 people active in May 2031, 500 of whom used the core feature
		long account = FAKE_ACCOUNTS.incrementAndGet();
		List<Object[]> usage = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			LocalDate day = LocalDate.of(2031, 5, 1 + i % 28);
			usage.add(new Object[] { account + i % 7, java.sql.Date.valueOf(day), "signed_in", "u:seed-" + i, 1, 0 });
			if (i % 2 == 0) {
				usage.add(new Object[] { account + i % 7, java.sql.Date.valueOf(day.plusDays(1)), "report_built",
						"u:seed-" + i, 3, 0 });
			}
			if (i % 10 == 0) {
				usage.add(new Object[] { account + i % 7, java.sql.Date.valueOf(day), "export", "u:seed-" + i, 1, 0 });
			}
		}
		jdbc.batchUpdate("insert into activity_daily (account_id, usage_day, event, user_key, event_count,"
				+ " duration_seconds) values (?, ?, ?, ?, ?, ?)", usage);
		// rollups written straight to the table: their read models (a month of use per person) come from a rebuild
		activity.rebuildCohorts();

		JsonNode adoption = api("/api/v1/metrics/adoption?from=2031-05-01&to=2031-05-31&features=report_built");

		assertThat(adoption.get("eligibleUsers").asLong()).isEqualTo(1000);
		assertThat(adoption.get("adoptingUsers").asLong()).isEqualTo(500);
		assertThat(adoption.get("adoptionRate").asDouble()).isEqualTo(0.5);

		JsonNode two = api("/api/v1/metrics/adoption?from=2031-05&to=2031-05&features=report_built,export");
		assertThat(two.get("adoptingUsers").asLong()).isEqualTo(500);
		assertThat(two.get("byFeature").get(0).get("feature").asString()).isEqualTo("export");
		assertThat(two.get("byFeature").get(0).get("adoptionRate").asDouble()).isEqualTo(0.1);
		JsonNode accounts = api("/api/v1/metrics/adoption?from=2031-05&to=2031-05&features=export&by=accounts");
		assertThat(accounts.get("eligibleAccounts").asLong()).isEqualTo(7);
		assertThat(accounts.get("adoptingAccounts").asLong()).isEqualTo(7);
	}

	@Test
	void shouldReproduceTheHandComputedYearOfASmallCompany() throws Exception {
		String plan = plan("Tidewater");
		Map<String, Long> accounts = new HashMap<>();
		Map<String, SubscriptionView> subs = new HashMap<>();
		for (String[] line : csv("/metrics/tidewater-ledger.csv")) {
			String name = line[0];
			long account = accounts.computeIfAbsent(name, n -> fixtures.anAccount().id());
			Instant at = LocalDate.parse(line[2]).atTime(12, 0).toInstant(ZoneOffset.UTC);
			switch (line[1]) {
				case "start" -> subs.put(name, subscriptions.create(new NewSubscription(account, plan,
						Long.parseLong(line[3]), "USD", 1, at, null, null), null));
				case "change" -> subscriptions.change(subs.get(name).id(), new SubscriptionChange(null,
						Long.parseLong(line[3]), null, at), null);
				case "cancel" -> subscriptions.cancel(subs.get(name).id(), new SubscriptionCancellation(at, "test"), null);
				default -> throw new IllegalStateException(line[1]);
			}
		}
		String mrrUrl = "/api/v1/metrics/mrr?from=2025-01&to=2025-12&plan=" + plan;
		await().atMost(Duration.ofSeconds(20)).until(() -> api(mrrUrl).get("endingMrrCents").asLong() == 123_000
				&& api(mrrUrl).get("churnedMrrCents").asLong() == 27_000);

		JsonNode mrr = api(mrrUrl);
		JsonNode churn = api("/api/v1/metrics/churn?from=2025-01&to=2025-12&plan=" + plan);
		List<String[]> expected = csv("/metrics/tidewater-expected.csv");
		String[] header = expected.get(0);
		for (int r = 1; r < expected.size(); r++) {
			String[] line = expected.get(r);
			JsonNode m = "total".equals(line[0]) ? mrr : mrr.get("periods").get(r - 1);
			JsonNode c = "total".equals(line[0]) ? churn : churn.get("periods").get(r - 1);
			if (!"total".equals(line[0])) {
				assertThat(m.get("period").asString()).isEqualTo(line[0]);
				assertThat(c.get("period").asString()).isEqualTo(line[0]);
			}
			for (int i = 1; i < header.length; i++) {
				JsonNode source = i <= 8 ? m : c;
				JsonNode actual = source.get(header[i]);
				String cell = i < line.length ? line[i] : "";
				if (cell.isEmpty()) {
					assertThat(actual.isNull()).as(line[0] + " " + header[i]).isTrue();
					assertThat(c.get("tooLittleData").toString()).contains(header[i]);
				}
				else {
					assertThat(new BigDecimal(actual.asString())).as(line[0] + " " + header[i])
						.isEqualByComparingTo(new BigDecimal(cell));
				}
			}
		}
		assertThat(mrr.get("quickRatio").asDouble()).isEqualTo(1.9);
		assertThat(mrr.get("currencyEffectCents").asLong()).isZero();

		JsonNode clv = api("/api/v1/metrics/clv?from=2025-01&to=2025-12&plan=" + plan);
		assertThat(clv.get("accountMonths").asLong()).isEqualTo(64);
		assertThat(clv.get("monthlyLogoChurnRate").asDouble()).isEqualTo(0.0625);
		assertThat(clv.get("lifetimeMonths").asDouble()).isEqualTo(16.0);
		assertThat(clv.get("arpaCents").asLong()).isEqualTo(24_600);
		assertThat(clv.get("simpleClvCents").asLong()).isEqualTo(393_600);
		assertThat(clv.get("monthlyRevenueChurnRate").asDouble()).isEqualTo(0.0345);
		assertThat(clv.get("churnBasedLifetimeMonths").asDouble()).isEqualTo(29.03);
		assertThat(clv.get("churnBasedClvCents").asLong()).isEqualTo(571_212);

		for (int month = 1; month <= 12; month++) {
			settings.putSpend(YearMonth.of(2025, month), 100_000L, null);
		}
		JsonNode ltv = api("/api/v1/metrics/ltv-cac?from=2025-01&to=2025-12&plan=" + plan);
		assertThat(ltv.get("spendCents").asLong()).isEqualTo(1_200_000);
		assertThat(ltv.get("newAccounts").asLong()).isEqualTo(2);
		assertThat(ltv.get("cacCents").asLong()).isEqualTo(600_000);
		assertThat(ltv.get("ltvCents").asLong()).isEqualTo(571_212);
		assertThat(ltv.get("ltvToCac").asDouble()).isEqualTo(0.95);
		assertThat(ltv.get("cacPaybackMonths").asDouble()).isEqualTo(26.8);

		// a quarter is followed from its start to its end: Q1 loses C and H of six
		JsonNode quarters = api("/api/v1/metrics/churn?from=2025-01&to=2025-12&period=quarter&plan=" + plan);
		assertThat(quarters.get("periods").get(0).get("period").asString()).isEqualTo("2025-Q1");
		assertThat(quarters.get("periods").get(0).get("logoChurnRate").asDouble()).isEqualTo(0.3333);
		assertThat(quarters.get("periods").get(0).get("netRevenueRetention").asDouble()).isEqualTo(0.9494);

		// a rebuild from the ledger writes the same figures as the listeners did
		model.rebuildRevenue();
		assertThat(api(mrrUrl).get("periods")).isEqualTo(mrr.get("periods"));
	}

	@Test
	void shouldCountAChangeInTheMonthOfTheCompanysTimeZone() throws Exception {
		// Given a cancellation at 22:30 UTC on 31 March, already 1 April in Bucharest (UTC+3 in summer time)
		String plan = plan("Zone");
		List<MovementView> ledger = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long account = FAKE_ACCOUNTS.incrementAndGet();
			ledger.add(movement(account, MovementKind.NEW, "2031-01-15T12:00:00Z", plan, 10_000, "USD"));
			if (i == 0) {
				ledger.add(movement(account, MovementKind.CANCELLATION, "2031-03-31T22:30:00Z", plan, 0, "USD",
						ledger.get(ledger.size() - 1).subscriptionId()));
			}
		}
		write(ledger);
		String url = "/api/v1/metrics/churn?from=2031-03&to=2031-04&plan=" + plan;
		JsonNode utc = api(url);
		assertThat(utc.get("periods").get(0).get("accountsLost").asLong()).isEqualTo(1);
		assertThat(utc.get("periods").get(1).get("accountsLost").asLong()).isZero();

		model.saveSettings("USD", "Europe/Bucharest", "0.8");

		JsonNode bucharest = api(url);
		assertThat(bucharest.get("timeZone").asString()).isEqualTo("Europe/Bucharest");
		assertThat(bucharest.get("periods").get(0).get("accountsLost").asLong()).isZero();
		assertThat(bucharest.get("periods").get(1).get("accountsLost").asLong()).isEqualTo(1);
		assertThat(bucharest.get("periods").get(1).get("logoChurnRate").asDouble()).isEqualTo(0.2);
	}

	@Test
	void shouldConvertEachMonthAtItsRateWithoutCountingTheRateAsExpansion() throws Exception {
		String plan = plan("Fx");
		List<MovementView> ledger = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ledger.add(movement(FAKE_ACCOUNTS.incrementAndGet(), MovementKind.NEW, "2031-01-15T12:00:00Z", plan,
					10_000, "EUR"));
		}
		long yenAccount = FAKE_ACCOUNTS.incrementAndGet();
		ledger.add(movement(yenAccount, MovementKind.NEW, "2031-01-15T12:00:00Z", plan, 1_500, "JPY"));
		long poundAccount = FAKE_ACCOUNTS.incrementAndGet();
		ledger.add(movement(poundAccount, MovementKind.NEW, "2031-01-15T12:00:00Z", plan, 10_000, "GBP"));
		write(ledger);
		settings.putRate(YearMonth.of(2031, 2), "EUR", "1.10");
		settings.putRate(YearMonth.of(2031, 4), "EUR", "1.2");
		settings.putRate(YearMonth.of(2031, 2), "JPY", "0.0067");

		JsonNode mrr = api("/api/v1/metrics/mrr?from=2031-02&to=2031-05&plan=" + plan);

		// 5 x EUR 100.00 x 1.10 + JPY 1,500 x 0.0067 = 550.00 + 10.05 dollars; April on: x 1.2 = 600.00 + 10.05
		JsonNode feb = mrr.get("periods").get(0);
		assertThat(feb.get("endingMrrCents").asLong()).isEqualTo(56_005);
		JsonNode apr = mrr.get("periods").get(2);
		assertThat(apr.get("startingMrrCents").asLong()).isEqualTo(61_005);
		assertThat(apr.get("endingMrrCents").asLong()).isEqualTo(61_005);
		assertThat(apr.get("expansionMrrCents").asLong()).isZero();
		assertThat(mrr.get("currencyEffectCents").asLong()).isEqualTo(5_000);
		assertThat(mrr.get("missingRates").toString()).isEqualTo("[\"GBP\"]");

		model.saveSettings("EUR", "UTC", "0.8");
		JsonNode inEuro = api("/api/v1/metrics/mrr?from=2031-02&to=2031-02&plan=" + plan);
		assertThat(inEuro.get("currency").asString()).isEqualTo("EUR");
		assertThat(inEuro.get("missingRates").toString()).isEqualTo("[\"GBP\",\"JPY\"]");
		assertThat(inEuro.get("endingMrrCents").asLong()).isEqualTo(50_000);
		model.saveSettings("USD", "UTC", "0.8");
		settings.putRate(YearMonth.of(2031, 2), "EUR", null);
		settings.putRate(YearMonth.of(2031, 4), "EUR", null);
		settings.putRate(YearMonth.of(2031, 2), "JPY", null);
	}

	private JsonNode api(String url) throws Exception {
		Person agent = agent();
		String body = mvc.perform(get(url).header("Authorization", agent.bearer())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return json.readTree(body);
	}

	private Person agent;

	private Person agent() {
		if (agent == null) {
			agent = fixtures.anAgentIn("tier1");
		}
		return agent;
	}

	private void write(List<MovementView> ledger) {
		Map<Long, List<MovementView>> byAccount = new HashMap<>();
		ledger.forEach(m -> byAccount.computeIfAbsent(m.accountId(), k -> new ArrayList<>()).add(m));
		new TransactionTemplate(transactions).executeWithoutResult(s -> byAccount
			.forEach((account, movements) -> rows.replace(account, movements, settings.settings().zone())));
	}

	private static final AtomicLong IDS = new AtomicLong(8_000_000_000L + System.nanoTime() % 1_000_000_000L);

	private static MovementView movement(long account, MovementKind kind, String at, String plan, long mrr,
			String currency) {
		return movement(account, kind, at, plan, mrr, currency, account);
	}

	private static MovementView movement(long account, MovementKind kind, String at, String plan, long mrr,
			String currency, long subscription) {
		return new MovementView(IDS.incrementAndGet(), subscription, account, kind, Instant.parse(at), plan, mrr, 0,
				currency, 1, null, null, null);
	}

	private static String plan(String name) {
		return name + "-" + System.nanoTime();
	}

	private static List<String[]> csv(String resource) throws IOException {
		List<String[]> lines = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				BusinessMetricsTests.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
			in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> lines.add(l.split(",", -1)));
		}
		return lines;
	}
}

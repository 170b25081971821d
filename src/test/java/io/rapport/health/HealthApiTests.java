package io.rapport.health;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.health.internal.HealthScoring;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The health API on the real database: the score that explains itself, trend windows against the nearest earlier
 * snapshot, flags with evidence raised and cleared once per occurrence, the at-risk list, history, and every error.
 */
@RecordApplicationEvents
class HealthApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	HealthScoring scoring;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	@Test
	void shouldExplainTheScoreMeasureByMeasureWithFlagsAndEvidence() throws Exception {
		AccountView account = DriftingAccount.create(fixtures, subscriptions, jdbc, clock.instant(), null);
		scoring.recompute(account.id(), today());

		call(fixtures.anAgentIn("tier1"), get("/api/v1/accounts/" + account.id() + "/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.band").value("RED"))
			.andExpect(jsonPath("$.higherIsHealthier").value(true))
			.andExpect(jsonPath("$.trend.window").value(30))
			.andExpect(jsonPath("$.trend.previous").value(nullValue()))
			.andExpect(jsonPath("$.measures[?(@.key == 'engagement-time')].value").value(hasItem(1.8)))
			.andExpect(jsonPath("$.measures[?(@.key == 'engagement-time')].points").value(hasItem(54.0)))
			.andExpect(jsonPath("$.measures[?(@.key == 'engagement-time')].weight").value(hasItem(3.0)))
			.andExpect(jsonPath("$.measures[?(@.key == 'engagement-trend')].value").value(hasItem(-64.0)))
			.andExpect(jsonPath("$.measures[?(@.key == 'active-users')].value").value(hasItem(40.0)))
			.andExpect(jsonPath("$.measures[?(@.key == 'active-users')].points").value(hasItem(45.0)))
			.andExpect(jsonPath("$.measures[?(@.key == 'active-users')].label").value(hasItem("Active users vs seats")))
			.andExpect(jsonPath("$.measures[?(@.key == 'csat')].value").value(hasItem(nullValue())))
			.andExpect(jsonPath("$.measures[?(@.key == 'csat')].missing").value(hasItem(true)))
			.andExpect(jsonPath("$.measures[?(@.key == 'csat')].contribution").value(hasItem(nullValue())))
			.andExpect(jsonPath("$.flags[0].key").value("little-engagement"))
			.andExpect(jsonPath("$.flags[0].label").value("Little engagement"))
			.andExpect(jsonPath("$.flags[0].since").value(today().toString()))
			.andExpect(jsonPath("$.flags[0].evidence")
				.value("engagement time down 64% in 30 days: 5.0 h → 1.8 h per active user"))
			.andExpect(jsonPath("$.flags[?(@.key == 'falling-active-users')].evidence")
				.value(hasItem("active users down from 8 to 4 of 10 seats in 30 days (80% → 40%)")))
			.andExpect(jsonPath("$.flags[?(@.key == 'password-resets')].evidence")
				.value(hasItem("3 password reset requests in 30 days by 4 active users")))
			.andExpect(jsonPath("$.flags[?(@.key == 'help-did-not-help')].evidence")
				.value(hasItem("0 tickets unresolved after 7 days, 2 reopened and 0 badly rated in 30 days")))
			.andExpect(jsonPath("$.flags[?(@.key == 'renewal-at-risk')].evidence")
				.value(hasItem(org.hamcrest.Matchers.startsWith("renews in 40 days (2026-04-11) with a red score of"))))
			.andExpect(jsonPath("$.churnProbability").value(nullValue()));

		String json = call(fixtures.anAgentIn("tier1"), get("/api/v1/accounts/" + account.id() + "/health"))
			.andReturn().getResponse().getContentAsString();
		int score = com.jayway.jsonpath.JsonPath.read(json, "$.score");
		java.util.List<Double> contributions = com.jayway.jsonpath.JsonPath.read(json,
				"$.measures[?(@.contribution != null)].contribution");
		assertThat(contributions.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(score, within(0.6));
		call(fixtures.anAgentIn("tier1"), get("/api/v1/accounts/" + account.id() + "/health").locale(java.util.Locale.forLanguageTag("ro")))
			.andExpect(jsonPath("$.flags[0].evidence")
				.value("timpul de utilizare a scăzut cu 64% în 30 de zile: 5.0 h → 1.8 h per utilizator activ"));
	}

	@Test
	void shouldKeepTheEvidenceOfAnOpenFlagUpToDateWithoutRaisingItAgain() {
		AccountView account = DriftingAccount.create(fixtures, subscriptions, jdbc, clock.instant(), null);
		scoring.recompute(account.id(), today());
		String evidence = "select evidence_args from health_flags where account_id = ? and flag_key = 'password-resets'";
		String before = jdbc.queryForObject(evidence, String.class, account.id());
		scoring.recompute(account.id(), today());
		assertThat(jdbc.queryForObject(evidence, String.class, account.id())).isEqualTo(before);

		DriftingAccount.add(jdbc, account.id(), today().minusDays(2), "Password Reset Requested", "u:1", 2, 0);
		scoring.recompute(account.id(), today());
		assertThat(jdbc.queryForObject(evidence, String.class, account.id())).isNotEqualTo(before).startsWith("5");
		assertThat(events.stream(HealthFlagRaised.class)
			.filter(e -> e.accountId() == account.id() && e.flag().equals("password-resets"))).hasSize(1);
	}

	@Test
	void shouldRaiseAndClearEachFlagOncePerOccurrenceAndPublishScoresOnlyWhenTheyChange() {
		AccountView account = DriftingAccount.create(fixtures, subscriptions, jdbc, clock.instant(), null);
		scoring.recompute(account.id(), today());
		scoring.recompute(account.id(), today());
		assertThat(events.stream(HealthFlagRaised.class).filter(e -> e.accountId() == account.id()))
			.extracting(HealthFlagRaised::flag).containsExactly("little-engagement", "password-resets",
					"no-knowledge-base", "help-did-not-help", "falling-active-users", "renewal-at-risk");
		assertThat(events.stream(HealthScored.class).filter(e -> e.accountId() == account.id())).hasSize(1);

		jdbc.update("delete from activity_daily where account_id = ? and event = 'Password Reset Requested'", account.id());
		scoring.recompute(account.id(), today());
		scoring.recompute(account.id(), today());
		// each flag that came down did so once (the score may leave red with the resets, taking the renewal flag)
		assertThat(events.stream(HealthFlagCleared.class).filter(e -> e.accountId() == account.id()))
			.extracting(HealthFlagCleared::flag).contains("password-resets").doesNotHaveDuplicates()
			.isSubsetOf("password-resets", "renewal-at-risk");

		DriftingAccount.add(jdbc, account.id(), today(), "Password Reset Requested", "u:2", 4, 0);
		scoring.recompute(account.id(), today());
		assertThat(events.stream(HealthFlagRaised.class)
			.filter(e -> e.accountId() == account.id() && e.flag().equals("password-resets")))
			.extracting(HealthFlagRaised::evidence)
			.containsExactly("3 password reset requests in 30 days by 4 active users",
					"4 password reset requests in 30 days by 4 active users");
		assertThat(jdbc.queryForObject("select count(*) from health_flags where account_id = ? and flag_key = "
				+ "'password-resets'", Integer.class, account.id())).isEqualTo(2);
	}

	@Test
	void shouldCompareWithTheNearestEarlierSnapshotOfTheChosenWindow() throws Exception {
		AccountView account = DriftingAccount.create(fixtures, subscriptions, jdbc, clock.instant(), null);
		LocalDate monthAgo = today().minusDays(35);
		clock.set(START.minus(Duration.ofDays(35)));
		scoring.recompute(account.id(), monthAgo);
		clock.set(START);
		scoring.recompute(account.id(), today());
		Integer before = jdbc.queryForObject("select score from health_snapshots where account_id = ? and snapshot_day = ?",
				Integer.class, account.id(), java.sql.Date.valueOf(monthAgo));
		Integer now = jdbc.queryForObject("select score from health_snapshots where account_id = ? and snapshot_day = ?",
				Integer.class, account.id(), java.sql.Date.valueOf(today()));
		assertThat(before).isGreaterThan(now);

		Person agent = fixtures.anAgentIn("success");
		for (String window : new String[] { "7", "30" }) {
			call(agent, get("/api/v1/accounts/" + account.id() + "/health?window=" + window))
				.andExpect(jsonPath("$.trend.window").value(Integer.parseInt(window)))
				.andExpect(jsonPath("$.trend.since").value(monthAgo.toString()))
				.andExpect(jsonPath("$.trend.previous").value(before))
				.andExpect(jsonPath("$.trend.delta").value(now - before))
				.andExpect(jsonPath("$.measures[?(@.key == 'engagement-time')].previousValue").value(hasItem(5.0)));
		}
		call(agent, get("/api/v1/accounts/" + account.id() + "/health?window=90"))
			.andExpect(jsonPath("$.trend.previous").value(nullValue()))
			.andExpect(jsonPath("$.trend.delta").value(nullValue()));
		call(agent, get("/api/v1/accounts/" + account.id() + "/health/history?from=" + monthAgo + "&to=" + today()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].day").value(monthAgo.toString()))
			.andExpect(jsonPath("$[0].score").value(before))
			.andExpect(jsonPath("$[1].day").value(today().toString()))
			.andExpect(jsonPath("$[1].band").value("RED"));
	}

	@Test
	void shouldRankAtRiskAccountsByMrrAtRiskAndFilterByOwner() throws Exception {
		Person owner = fixtures.anAgentIn("success");
		AccountView account = DriftingAccount.create(fixtures, subscriptions, jdbc, clock.instant(), null);
		accounts.setOwner(account.id(), owner.id());
		scoring.recompute(account.id(), today());
		int score = jdbc.queryForObject("select score from health_snapshots where account_id = ?", Integer.class,
				account.id());

		call(owner, get("/api/v1/health/at-risk?owner=" + owner.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].accountId").value(account.id()))
			.andExpect(jsonPath("$[0].name").value(account.name()))
			.andExpect(jsonPath("$[0].score").value(score))
			.andExpect(jsonPath("$[0].band").value("RED"))
			.andExpect(jsonPath("$[0].mrrCents").value(80_000))
			.andExpect(jsonPath("$[0].mrrAtRiskCents").value(Math.round(80_000 * (100 - score) / 100.0)))
			.andExpect(jsonPath("$[0].renewsAt").value(clock.instant().plus(Duration.ofDays(40)).toString()))
			.andExpect(jsonPath("$[0].owner.id").value(owner.id()))
			.andExpect(jsonPath("$[0].flags[0].key").value("little-engagement"))
			.andExpect(jsonPath("$.length()").value(1));
		call(owner, get("/api/v1/health/at-risk?limit=500"))
			.andExpect(jsonPath("$[*].accountId").value(hasItem((int) account.id())));
		call(owner, get("/api/v1/health/at-risk?owner=" + fixtures.anAgentIn("success").id()))
			.andExpect(jsonPath("$[*].accountId").value(not(hasItem((int) account.id()))));

		// once every subscription is cancelled the account has left: nothing to save, not listed
		for (var s : subscriptions.ofAccount(account.id())) {
			subscriptions.cancel(s.id(), new io.rapport.accounts.SubscriptionCancellation(clock.instant(), "budget"),
					null);
		}
		call(owner, get("/api/v1/health/at-risk?owner=" + owner.id())).andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void shouldAnswerProblemsNamingTheFieldAndHideHealthFromCustomers() throws Exception {
		AccountView account = fixtures.anAccount();
		Person agent = fixtures.anAgentIn("tier1");
		call(agent, get("/api/v1/accounts/" + account.id() + "/health?window=14")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("window"));
		call(agent, get("/api/v1/accounts/999999999/health")).andExpect(status().isNotFound());
		call(agent, get("/api/v1/accounts/" + account.id() + "/health/history?from=yesterday"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
		call(agent, get("/api/v1/accounts/" + account.id() + "/health/history?from=2026-03-02&to=2026-03-01"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
		call(agent, get("/api/v1/health/at-risk?limit=0")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		call(agent, get("/api/v1/health/at-risk?owner=mia")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("owner"));
		call(agent, post("/api/v1/health/recompute")).andExpect(status().isForbidden());
		call(fixtures.anAdmin(), post("/api/v1/health/recompute?day=2030-01-01")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("day"));
		call(fixtures.aCustomerOf(account.id()), get("/api/v1/accounts/" + account.id() + "/health"))
			.andExpect(status().isNotFound());
		call(fixtures.aCustomerOf(account.id()), get("/api/v1/health/at-risk")).andExpect(status().isNotFound());

		// an account never scored is scored on first read: no usage, no tickets, yet support facts are data
		call(agent, get("/api/v1/accounts/" + account.id() + "/health")).andExpect(status().isOk())
			.andExpect(jsonPath("$.day").value(today().toString()))
			.andExpect(jsonPath("$.measures[?(@.key == 'engagement-time')].missing").value(hasItem(true)))
			.andExpect(jsonPath("$.measures[?(@.key == 'unresolved-tickets')].points").value(hasItem(closeTo(100.0, 0.01))));
		call(fixtures.anAdmin(), post("/api/v1/health/recompute")).andExpect(status().isOk())
			.andExpect(jsonPath("$.day").value(today().toString()))
			.andExpect(jsonPath("$.accounts").value(org.hamcrest.Matchers.greaterThan(0)));
	}

	private static org.assertj.core.data.Offset<Double> within(double value) {
		return org.assertj.core.data.Offset.offset(value);
	}

	private ResultActions call(Person who, MockHttpServletRequestBuilder request) throws Exception {
		request.header("Authorization", who.bearer());
		return mvc.perform(request);
	}
}

package io.rapport.customer360.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Usage charts, seats used and people from known rollups; the account page and the timeline's pages. */
class Customer360Tests extends IntegrationTest {

	@Autowired
	UsageCharts charts;

	@Autowired
	AccountPeople people;

	@Autowired
	Customer360 customer360;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	@Test
	void shouldCountActivePeoplePerWeekEngagementAndCoreFeaturesFromTheRollups() {
		AccountView account = fixtures.anAccount();
		String feature = "Dashboard Shared " + account.id();
		jdbc.update("insert into activity_event_kinds (event, value_event, core_feature, first_seen_at) "
				+ "values (?, false, true, ?)", feature, Timestamp.from(clock.instant()));
		LocalDate today = today();
		LocalDate from = today.minusDays(90);
		// the first week: two people on two days (three person-days), 2 h of sessions
		rollup(account.id(), from, "Signed In", "c:1", 1, 0);
		rollup(account.id(), from.plusDays(1), "Signed In", "c:1", 1, 0);
		rollup(account.id(), from.plusDays(1), "Session Ended", "u:bo", 2, 7200);
		// the last week (today): one person, 30 min, the core feature on two days
		rollup(account.id(), today, "Session Ended", "c:1", 1, 1800);
		rollup(account.id(), today, feature, "c:1", 3, 0);
		rollup(account.id(), today.minusDays(1), feature, "c:1", 2, 0);
		// outside the window, and an account fact with no person
		rollup(account.id(), from.minusDays(1), "Signed In", "c:9", 1, 0);
		rollup(account.id(), today.minusDays(20), "Ticket Solved", "", 4, 0);

		UsageCharts.Usage usage = charts.of(account.id(), today, Locale.ENGLISH);
		assertThat(usage.from()).isEqualTo(from);
		assertThat(usage.weeks()).hasSize(13);
		assertThat(usage.weeks().get(0).people()).isEqualTo(2);
		assertThat(usage.weeks().get(0).hours()).isEqualTo(2.0);
		assertThat(usage.weeks().get(12).people()).isEqualTo(1);
		assertThat(usage.weeks().get(12).hours()).isEqualTo(0.5);
		assertThat(usage.weeks().subList(1, 12)).allMatch(w -> w.people() == 0 && w.seconds() == 0);
		assertThat(usage.features()).filteredOn(f -> f.name().equals(feature)).singleElement()
			.satisfies(f -> assertThat(f.days()).isEqualTo(2)).satisfies(f -> assertThat(f.count()).isEqualTo(5));
		assertThat(usage.people().bars()).hasSize(13);
		assertThat(usage.people().bars().get(0).title()).isEqualTo("Week of " + from + ": 2 active people");
		assertThat(usage.people().bars().get(0).h()).isEqualTo(usage.people().axis() - usage.people().top());
		assertThat(usage.people().bars().get(12).h()).isEqualTo((usage.people().axis() - usage.people().top()) / 2);
		assertThat(usage.engagement().maxLabel()).isEqualTo("2 h");
	}

	@Test
	void shouldCountSeatsUsedAsDistinctPeopleOfTheLast30Days() {
		AccountView account = fixtures.anAccount();
		LocalDate today = today();
		rollup(account.id(), today, "Signed In", "c:1", 3, 0);
		rollup(account.id(), today.minusDays(29), "Feature Used", "c:2", 1, 0);
		rollup(account.id(), today.minusDays(29), "Signed In", "c:2", 1, 0);
		rollup(account.id(), today.minusDays(30), "Signed In", "c:3", 1, 0);
		rollup(account.id(), today.minusDays(2), "Ticket Solved", "", 1, 0);
		assertThat(customer360.seatsUsed(account.id())).isEqualTo(2);
		subscriptions.create(new NewSubscription(account.id(), "Growth", 10_000L, "EUR", 10, clock.instant(), null, null),
				null);
		assertThat(customer360.seatsUsedText(accounts.summary(account.id()).orElseThrow())).isEqualTo("2 of 10");
		assertThat(customer360.seatsUsedState(accounts.summary(account.id()).orElseThrow())).isEqualTo("c360-seats-low");
	}

	@Test
	void shouldListPeopleByTheirLastActivityWithTheirRole() {
		AccountView account = fixtures.anAccount();
		Person ana = fixtures.aCustomerOf(account.id());
		Person bo = fixtures.aCustomerOf(account.id());
		Person cy = fixtures.aCustomerOf(account.id());
		accounts.setContactRole(bo.id(), "CFO");
		LocalDate today = today();
		rollup(account.id(), today.minusDays(10), "Signed In", "c:" + ana.id(), 1, 0);
		rollup(account.id(), today.minusDays(3), "Feature Used", "c:" + ana.id(), 1, 0);
		rollup(account.id(), today.minusDays(40), "Signed In", "c:" + bo.id(), 1, 0);
		clock.advance(Duration.ofHours(1));
		fixtures.aTicketFrom(bo, "Invoices are missing");

		List<AccountPeople.Person> list = people.of(account.id());
		assertThat(list).extracting(p -> p.contact().id()).containsExactly(bo.id(), ana.id(), cy.id());
		assertThat(list.get(0).role()).isEqualTo("CFO");
		assertThat(list.get(0).lastTicket()).isEqualTo(clock.instant());
		assertThat(list.get(0).lastSignIn()).isEqualTo(today.minusDays(40));
		assertThat(list.get(1).lastActive()).isEqualTo(today.minusDays(3));
		assertThat(list.get(1).lastSignIn()).isEqualTo(today.minusDays(10));
		assertThat(list.get(1).lastTicket()).isNull();
		assertThat(list.get(2).lastActive()).isNull();
	}

	@Test
	void shouldShowTheAccountAs360AndPageTheTimelineForAgentsOnly() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		// thirty tickets before the suite's usual now, so they never crowd the newest page of the shared ticket lists
		// that other test classes read
		clock.set(START.minus(Duration.ofHours(6)));
		for (int i = 0; i < 30; i++) {
			clock.advance(Duration.ofMinutes(5));
			fixtures.aTicketFrom(customer, "Question " + i);
		}
		rollup(account.id(), today(), "Signed In", "c:" + customer.id(), 1, 0);

		String html = mvc.perform(get("/accounts/" + account.id()).with(signedInAs(agent))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-usage"), containsString("data-chart=\"people\""),
					containsString("data-people"), containsString("data-person=\"" + customer.id() + "\""))))
			.andReturn().getResponse().getContentAsString();
		String timeline = html.substring(html.indexOf("id=\"c360-timeline\""));
		timeline = timeline.substring(0, timeline.indexOf("</ol>"));
		// the newest page: at most 25 entries (other modules add theirs too, e.g. the playbook runs a new account sets
		// off), so the oldest tickets are left for "Load more"
		assertThat(timeline).contains("Question 29", "data-timeline-more").doesNotContain("Question 4<");
		assertThat(timeline.split("<li ").length - 1).isGreaterThanOrEqualTo(Customer360.PAGE);
		mvc.perform(get("/accounts/" + account.id() + "/timeline").param("kind", "usage").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("New person active"), not(containsString("Question")))));
		String page = mvc.perform(get("/accounts/" + account.id() + "/timeline")
			.param("before", clock.instant().minus(Duration.ofMinutes(120)).toString()).with(signedInAs(agent)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Question 4").doesNotContain("Question 5").doesNotContain("data-timeline-more");
		mvc.perform(get("/accounts/" + account.id() + "/timeline").param("kind", "nonsense").with(signedInAs(agent)))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/accounts/" + account.id() + "/timeline").param("before", "yesterday").with(signedInAs(agent)))
			.andExpect(status().isBadRequest());
		// the workspace is for agents: a customer is refused every page of it alike, whatever the account
		mvc.perform(get("/accounts/" + account.id() + "/timeline").with(signedInAs(customer)))
			.andExpect(status().isForbidden());
	}

	void rollup(long accountId, LocalDate day, String event, String person, long count, long seconds) {
		jdbc.update("insert into activity_daily (account_id, usage_day, event, user_key, event_count, duration_seconds) "
				+ "values (?, ?, ?, ?, ?, ?)", accountId, Date.valueOf(day), event, person, count, seconds);
	}
}

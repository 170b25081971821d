package io.rapport.customer360;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The account page as a customer 360 in a real browser, under the real CSP: header, charts, timeline, people. */
class Customer360BrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldShowTheHeaderChartsTimelineWithLoadMoreAndPeople() {
		Person agent = fixtures.anAgentIn("success");
		AccountView account = fixtures.anAccount();
		subscriptions.create(new NewSubscription(account.id(), "Scale", 250_000L, "EUR", 4,
				Instant.parse("2026-01-01T00:00:00Z"), null, null), agent.id());
		Person ana = fixtures.aCustomerOf(account.id());
		Person bo = fixtures.aCustomerOf(account.id());
		accounts.setContactRole(bo.id(), "Workspace admin");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (int day = 0; day < 60; day += 3) {
			rollup(account.id(), today.minusDays(day), "Signed In", "c:" + ana.id(), 2, 0);
			rollup(account.id(), today.minusDays(day), "Session Ended", "c:" + ana.id(), 2, 1800);
		}
		rollup(account.id(), today.minusDays(5), "Signed In", "c:" + bo.id(), 1, 0);
		for (int i = 0; i < 26; i++) {
			fixtures.aTicketFrom(ana, "Question number " + i);
		}
		fixtures.aTicketFrom(bo, "Question number 26");
		signIn(page, agent);

		page.navigate(url("/accounts/" + account.id()));
		assertThat(page.locator("[data-account-summary] [data-seats-used]")).hasText("2 of 4");
		assertThat(page.locator("[data-chart=people] svg rect.bar")).hasCount(13);
		assertThat(page.locator("[data-chart=engagement] svg")).hasAttribute("aria-label",
				"Engagement time per week (hours)");
		assertThat(page.locator("[data-people] li[data-person]").first()).hasAttribute("data-person",
				String.valueOf(bo.id()));
		assertThat(page.locator("[data-person='" + bo.id() + "'] [data-role]")).hasText("Workspace admin");

		int before = page.locator("[data-timeline] li.c360-entry").count();
		assertThat(before).isEqualTo(25);
		page.click("[data-timeline-more]");
		assertThat(page.locator("[data-timeline] li.c360-entry")).not().hasCount(25);
		assertThat(page.locator("[data-timeline]")).containsText("Question number 0");
		assertThat(page.locator("[data-timeline-more]")).hasCount(0);

		page.selectOption("[data-timeline-filter] select[name=kind]", "usage");
		assertThat(page.locator("[data-timeline]")).not().containsText("Question number");
		assertThat(page.locator("[data-timeline]")).containsText("New person active: " + bo.user().name());
		assertThat(consoleErrors).isEmpty();
	}

	void rollup(long accountId, LocalDate day, String event, String person, long count, long seconds) {
		jdbc.update("insert into activity_daily (account_id, usage_day, event, user_key, event_count, duration_seconds) "
				+ "values (?, ?, ?, ?, ?, ?)", accountId, Date.valueOf(day), event, person, count, seconds);
	}
}

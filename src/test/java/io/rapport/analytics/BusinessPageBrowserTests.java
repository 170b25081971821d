package io.rapport.analytics;

import java.time.Duration;
import java.time.Instant;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A lead opens the Business page from the sidebar, narrows it to a plan and reads churn and retention of it. */
class BusinessPageBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldShowTheChurnAndRetentionOfAPlan() {
		// Given six accounts on a plan of their own since December 2024, one of which left in February 2026
		String plan = "Harbour-" + System.nanoTime();
		for (int i = 0; i < 6; i++) {
			SubscriptionView s = subscriptions.create(new NewSubscription(fixtures.anAccount().id(), plan, 10_000L,
					"USD", 3, Instant.parse("2024-12-10T12:00:00Z"), null, null), null);
			if (i == 0) {
				subscriptions.cancel(s.id(), new SubscriptionCancellation(Instant.parse("2026-02-10T12:00:00Z"),
						"Budget"), null);
			}
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from analytics_mrr_segments where plan = ?", Long.class, plan) == 6);
		Person lead = fixtures.anAgentIn("tier1");

		// When the lead opens the Business page from the sidebar and picks the plan
		signIn(page, lead);
		page.click("a[href='/analytics/business']");
		page.waitForURL("**/analytics/business");
		page.selectOption("select[name=plan]", plan);
		page.click("#business-filter button[type=submit]");
		page.waitForURL("**/analytics/business?**plan=" + plan + "**");

		// Then the year from April 2025 to March 2026 lost one of six accounts and a sixth of its revenue
		assertThat(page.locator("#logo-churn-value")).hasText("16.7%");
		assertThat(page.locator("#logo-churn-figure")).containsText("1 of 6");
		assertThat(page.locator("#nrr-value")).hasText("83.3%");
		assertThat(page.locator("#movements-table tbody tr")).hasCount(13);
		assertThat(page.locator("#movements-table")).containsText("$500.00");
		assertThat(page.locator("svg.an-stacked rect.s-churned")).hasCount(1);
		assertThat(page.locator("#mrr-csv")).hasAttribute("href", java.util.regex.Pattern.compile(".*plan=" + plan + ".*"));
		assertThat(consoleErrors).isEmpty();
	}
}

package io.rapport.health;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.health.internal.HealthScoring;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A success manager opens "At risk" from the sidebar, finds their drifting account, clicks into it and reads why
 * its score is what it is; the ticket page shows the account's band.
 */
class HealthBrowserTests extends BrowserTest {

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

	@Test
	void shouldLeadFromTheAtRiskPageToTheAccountsExplainedScore() {
		Person owner = fixtures.anAgentIn("success");
		java.time.Instant now = java.time.Instant.now();
		AccountView account = DriftingAccount.create(fixtures, subscriptions, jdbc, now, null);
		accounts.setOwner(account.id(), owner.id());
		scoring.recompute(account.id(), LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(20));
		scoring.recompute(account.id(), LocalDate.ofInstant(now, ZoneOffset.UTC));
		TicketView ticket = fixtures.aTicketFrom(fixtures.aCustomerOf(account.id()), "Nobody uses the reports");
		signIn(page, owner);

		page.click("a[href='/health/at-risk']");
		page.waitForURL("**/health/at-risk");
		var row = page.locator("[data-at-risk] tr[data-account='" + account.id() + "']");
		assertThat(row).containsText(account.name());
		assertThat(row).containsText("Little engagement");
		assertThat(row.locator(".health-band")).containsText("Red");

		row.locator("a").click();
		page.waitForURL("**/accounts/" + account.id() + "#health");
		assertThat(page.locator("[data-health-band]")).hasText("Red");
		assertThat(page.locator("[data-health]")).containsText("higher is healthier");
		assertThat(page.locator("[data-health-spark] polyline")).hasCount(1);
		assertThat(page.locator("[data-health-flags] [data-flag='little-engagement'] [data-evidence]"))
			.hasText("engagement time down 64% in 30 days: 5.0 h → 1.8 h per active user");
		assertThat(page.locator("[data-health-measures] tr[data-measure='active-users']")).containsText("40 %");
		assertThat(page.locator("[data-health-measures] tr[data-measure='csat'] [data-missing]")).hasText("no data");
		page.click("[data-window='7']");
		page.waitForURL("**window=7**");
		assertThat(page.locator("[data-window='7']")).hasClass(java.util.regex.Pattern.compile("button-primary"));

		page.navigate(url("/tickets/" + ticket.id()));
		assertThat(page.locator("[data-health-badge] a")).containsText("Red");
		assertThat(consoleErrors).isEmpty();
	}
}

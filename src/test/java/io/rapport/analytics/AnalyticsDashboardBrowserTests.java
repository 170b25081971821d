package io.rapport.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.microsoft.playwright.Locator;
import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.accounts.AccountView;
import io.rapport.surveys.CsatRated;
import io.rapport.tickets.Channel;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The support lead opens the dashboard from the sidebar, narrows it to one account and sees the planted figures. */
class AnalyticsDashboardBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Test
	void shouldShowThePlantedFiguresAndLinkThemToTheirTickets() {
		// Given an account with three tickets, one answered, one waiting, and three CSAT answers (two satisfied)
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		Person lead = fixtures.anAgentIn("tier1");
		TicketView answered = fixtures.aTicketFrom(customer, "Export is slow");
		fixtures.aTicketFrom(customer, "Cannot invite a colleague");
		fixtures.aTicketFrom(customer, "Invoice address");
		tickets.addMessage(answered.id(), new NewMessage("Fixed it", Visibility.PUBLIC, null), List.of(), lead.user());
		Instant now = clock.instant();
		long base = System.nanoTime();
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			for (int rating : new int[] { 5, 4, 2 }) {
				events.publishEvent(new CsatRated(base + rating, answered.id(), customer.id(), account.id(), lead.id(),
						"tier1", Channel.PORTAL, rating, rating == 2, now.minusSeconds(60), now));
			}
		});
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from analytics_tickets where account_id = ?", Long.class, account.id()) == 3
				&& jdbc.queryForObject("select count(*) from analytics_csat where account_id = ?", Long.class,
						account.id()) == 3
				&& jdbc.queryForObject("select count(*) from analytics_tickets where account_id = ? and asa_seconds"
						+ " is not null", Long.class, account.id()) == 1);

		// When the lead opens the dashboard from the sidebar and picks the account
		signIn(page, lead);
		page.click("a[href='/analytics']");
		page.waitForURL("**/analytics");
		page.selectOption("select[name=account]", String.valueOf(account.id()));
		page.click("form.an-filter button[type=submit]");
		page.waitForURL("**/analytics?**account=" + account.id() + "**");

		// Then it shows the planted figures, each linking to the tickets behind it
		assertThat(page.locator("#created-value")).hasText("3");
		assertThat(page.locator("#waiting-value")).hasText("2");
		assertThat(page.locator("#csat-value")).hasText("66.7 %");
		assertThat(page.locator("#csat-figure")).containsText("2 of 3");
		assertThat(page.locator("#csat-comments li")).hasCount(1);
		assertThat(page.locator("svg.an-chart").first()).isVisible();
		page.click("#waiting-figure");
		page.waitForURL("**/tickets?**answered=no**");
		Locator rows = page.locator("table.queue tbody tr");
		assertThat(rows).hasCount(2);
		assertThat(page.locator("body")).not().containsText("Export is slow");
		assertThat(consoleErrors).isEmpty();
	}
}

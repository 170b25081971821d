package io.rapport.accounts;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The owner moves the account's stage and pins a note on the account page; the ticket page shows the account. */
class AccountSuccessBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Test
	void shouldMoveTheStageOnTheAccountPageAndShowTheAccountOnItsTickets() {
		Person owner = fixtures.anAgentIn("success");
		AccountView account = fixtures.anAccount();
		accounts.setOwner(account.id(), owner.id());
		subscriptions.create(new NewSubscription(account.id(), "Scale", 250_000L, "EUR", 40,
				java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.Instant.parse("2027-01-01T00:00:00Z"), null),
				owner.id());
		TicketView ticket = fixtures.aTicketFrom(fixtures.aCustomerOf(account.id()), "Invoices are missing");
		signIn(page, owner);

		page.navigate(url("/accounts/" + account.id()));
		assertThat(page.locator("[data-account-summary] [data-mrr]")).hasText("€2,500.00");
		page.selectOption("[data-stage-form] select[name=stage]", "ADOPTION");
		page.fill("[data-stage-form] input[name=reason]", "Kickoff call done");
		page.click("[data-stage-form] button[type=submit]");
		assertThat(page.locator("[data-success-notice]")).isVisible();
		assertThat(page.locator("[data-account-summary] [data-stage]")).hasText("Adoption");
		assertThat(page.locator("[data-stage-history] li").first()).containsText("Kickoff call done");
		page.fill("[data-note-form] textarea[name=note]", "Renewal talks in May");
		page.click("[data-note-form] button[type=submit]");
		assertThat(page.locator("[data-pinned-note] .cs-note")).hasText("Renewal talks in May");

		page.navigate(url("/tickets/" + ticket.id()));
		assertThat(page.locator("[data-account-panel] [data-mrr]")).hasText("€2,500.00");
		assertThat(page.locator("[data-account-panel] [data-stage]")).hasText("Adoption");
		assertThat(page.locator("[data-account-panel] [data-owner]")).hasText(owner.user().name());
		assertThat(page.locator("#account-success [data-pinned-note]")).containsText("Renewal talks in May");

		page.click("a[href='/portfolio']");
		page.waitForURL("**/portfolio");
		assertThat(page.locator("[data-portfolio] tr[data-account='" + account.id() + "']")).containsText("Scale");
		assertThat(consoleErrors).isEmpty();
	}
}

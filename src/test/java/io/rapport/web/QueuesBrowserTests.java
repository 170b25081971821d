package io.rapport.web;

import java.util.List;
import java.util.UUID;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queues in headless Chromium under the real CSP: an agent saves a filtered view, selects its tickets and changes
 * them in bulk; a Tier 2 agent sees why a ticket was escalated before reading the conversation.
 */
class QueuesBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Test
	void shouldSaveAViewSelectItsTicketsAndChangeThemInBulk() {
		String word = "w" + UUID.randomUUID().toString().substring(0, 8);
		TicketView first = fixtures.aTicketFrom(fixtures.aCustomer(), "Refund " + word);
		TicketView second = fixtures.aTicketFrom(fixtures.aCustomer(), "Invoice " + word);
		Person agent = fixtures.anAgentIn("tier1");
		signIn(page, agent);

		// Given a queue narrowed by the filter bar, saved as a personal view
		page.navigate(url("/tickets?view=all&q=" + word));
		page.locator(".filter-menu summary:has-text('Status')").click();
		page.locator(".filter-menu input[name=status][value=NEW]").check();
		page.click(".filter-bar button[type=submit]");
		page.waitForURL("**status=NEW**");
		page.locator("#save-view summary").click();
		page.fill("#save-view input[name=name]", "New " + word);
		page.click("#save-view button[type=submit]");
		page.waitForURL("**/tickets?saved=**");
		assertThat(page.locator(".nav-item.saved-view.is-active")).containsText("New " + word);
		assertThat(page.locator(".nav-item.saved-view.is-active .count")).hasText("2");
		assertThat(page.locator("[data-range]")).hasText("1–2 of 2");

		// When the agent selects every ticket in it and assigns them to themselves with a higher priority
		page.locator("[data-select-all]").check();
		page.selectOption("#bulk select[name=assignee]", "me");
		page.selectOption("#bulk select[name=priority]", "HIGH");
		page.click("#bulk button[type=submit]");

		// Then the summary says so, and the view shows the result (assigned tickets are open, so the view is empty)
		assertThat(page.locator("[data-bulk-result]")).containsText("2 tickets changed, none skipped.");
		assertThat(page.locator(".nav-item.saved-view.is-active .count")).hasText("0");
		for (TicketView ticket : List.of(first, second)) {
			TicketView now = tickets.get(ticket.id(), agent.user());
			assertThat(now.assigneeId()).isEqualTo(agent.id());
			assertThat(now.priority()).isEqualTo(TicketPriority.HIGH);
		}
		page.navigate(url("/tickets?view=mine&q=" + word));
		assertThat(page.locator("tr[data-ticket=\"" + first.id() + "\"]")).containsText("High");
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void shouldShowTier2WhyATicketWasEscalated() {
		String word = "w" + UUID.randomUUID().toString().substring(0, 8);
		TicketView ticket = fixtures.aTicketFrom(fixtures.aCustomer(), "Export " + word);
		tickets.escalate(ticket.id(), "tier2", "Export job times out; logs attached " + word,
				fixtures.anAgentIn("tier1").user());
		signIn(page, fixtures.anAgentIn("tier2"));

		page.navigate(url("/tickets?group=tier2&q=" + word));
		assertThat(page.locator("tr[data-ticket=\"" + ticket.id() + "\"] .escalated"))
			.hasAttribute("title", java.util.regex.Pattern.compile(".*Export job times out.*"));
		page.click("tr[data-ticket=\"" + ticket.id() + "\"] .subject a");

		assertThat(page.locator(".escalation-banner")).isVisible();
		assertThat(page.locator(".escalation-banner .latest-reason"))
			.hasText("Export job times out; logs attached " + word);
		assertThat(consoleErrors).isEmpty();
	}
}

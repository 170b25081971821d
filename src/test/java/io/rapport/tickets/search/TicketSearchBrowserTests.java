package io.rapport.tickets.search;

import java.util.List;
import java.util.UUID;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-text search in headless Chromium under the real CSP, by keyboard: {@code /} focuses the top bar's box, the
 * words of a note find the ticket with the match highlighted, a filter narrows, {@code j} and {@code Enter} open it.
 */
class TicketSearchBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Test
	void shouldFindATicketByTheWordsOfItsConversationAndOpenItByKeyboard() {
		String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = tickets.create(new NewTicket("Sync stopped", "Calendar sync stopped on Tuesday.", null,
				null, null, null, List.of()), fixtures.aCustomer().user());
		tickets.addMessage(ticket.id(), new NewMessage("Same cause as the " + word + " outage last month.",
				Visibility.INTERNAL, null), List.of(), agent.user());
		signIn(page, agent);

		// Given the top bar's search box, reached with "/"
		page.keyboard().press("/");
		page.keyboard().type(word);
		page.keyboard().press("Enter");

		// Then the ticket is found by a word of its internal note, highlighted in the snippet
		page.waitForURL("**/tickets/search?q=" + word + "**");
		assertThat(page.locator("tr[data-ticket=\"" + ticket.id() + "\"] .snippet mark")).hasText(word);
		assertThat(page.locator("[data-range]")).hasText("1 ticket");

		// A filter that excludes it empties the list; clearing it brings it back
		page.locator(".filter-menu summary:has-text('Status')").click();
		page.locator(".filter-menu input[name=status][value=SOLVED]").check();
		page.click(".filter-bar button[type=submit]");
		page.waitForURL("**status=SOLVED**");
		assertThat(page.locator(".empty-title")).isVisible();
		page.goBack();

		// And j then Enter opens it
		page.waitForSelector("tr[data-ticket=\"" + ticket.id() + "\"]");
		page.keyboard().press("j");
		page.keyboard().press("Enter");
		page.waitForURL("**/tickets/" + ticket.id());
		assertThat(consoleErrors).isEmpty();
	}
}

package io.rapport.web;


import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent workspace in headless Chromium, under the real Content-Security-Policy: htmx and the keyboard
 * shortcuts must work with no inline script or style, and replies and saves must update the page in place.
 */
class WorkspaceBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@BeforeEach
	void signIn() {
		signIn(page, fixtures.anAgentIn("tier1"));
	}

	@Test
	void shouldSendANoteInPlaceWithTheKeyboard() {
		TicketView ticket = fixtures.aTicket();
		page.navigate(url("/tickets/" + ticket.id() + "?view=all"));
		page.evaluate("window.stillTheSamePage = true");

		page.keyboard().press("n");
		assertThat(page.locator(".composer")).hasClass(java.util.regex.Pattern.compile("is-note"));
		page.keyboard().type("Checked the export worker logs");
		page.keyboard().press("Control+Enter");

		assertThat(page.locator(".message-note")).containsText("Checked the export worker logs");
		assertThat(page.locator(".alert-success")).isVisible();
		assertThat(page.evaluate("window.stillTheSamePage === true")).isEqualTo(true);
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void shouldShowAConflictInsteadOfOverwritingAnotherAgentsChange() {
		TicketView ticket = fixtures.aTicket();
		page.navigate(url("/tickets/" + ticket.id() + "?view=all"));
		tickets.update(ticket.id(), new TicketUpdate(null, TicketPriority.URGENT, null, null, null, null,
				ticket.version()), fixtures.anAgentIn("tier1").user());

		page.selectOption("select[name=priority]", "LOW");
		page.click("text=Save changes");

		assertThat(page.locator(".alert-error")).containsText("Someone else updated this ticket");
		assertThat(page.locator("select[name=priority]")).hasValue("URGENT");
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void shouldEscalateWithAReasonInPlace() {
		TicketView ticket = fixtures.aTicket();
		page.navigate(url("/tickets/" + ticket.id() + "?view=all"));

		page.selectOption("select[name=to]", "tier2");
		page.fill("textarea[name=reason]", "Needs an engineer: the export job times out");
		page.click("button:has-text('Escalate')");

		assertThat(page.locator(".escalation-reason")).containsText("the export job times out");
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void shouldMoveThroughTheListAndOpenATicketWithTheKeyboard() {
		TicketView ticket = fixtures.aTicket();
		page.navigate(url("/tickets?view=all"));
		page.keyboard().press("j");
		page.keyboard().press("Enter");
		page.waitForURL("**/tickets/" + ticket.id() + "**");
		assertThat(page.locator("h1")).hasText(ticket.subject());
	}
}

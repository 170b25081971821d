package io.rapport.knowledge;

import java.util.List;

import com.microsoft.playwright.Page;
import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent writes an article in the editor, watches the live preview, publishes it, and inserts it into a reply
 * from the ticket page: all under the real Content-Security-Policy, by keyboard and mouse.
 */
class KnowledgeEditorBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Test
	void shouldWritePreviewAndPublishAnArticleThenInsertItIntoAReply() {
		Person agent = fixtures.anAgentIn("tier1");
		signIn(page, agent);

		page.click("a[href='/knowledge']");
		page.click("text=New article");
		page.fill("input[name=title]", "Calibrating the cassowary scanner");
		page.fill("textarea[name=body]", "Start here.");
		page.click("button:has-text('Create draft')");
		page.waitForURL("**/knowledge/*/en");

		page.fill("textarea[name=body]", "## Steps\n\n1. Open **Scanner**\n2. Press *Calibrate*\n\n| Mode | Time |\n|---|---|\n| Fast | 2 s |");
		assertThat(page.locator("#kb-preview h2")).hasText("Steps");
		assertThat(page.locator("#kb-preview strong")).hasText("Scanner");
		assertThat(page.locator("#kb-preview td").first()).hasText("Fast");

		page.selectOption("select[name=state]", "PUBLISHED");
		page.click("#kb-form button[type=submit]");
		assertThat(page.locator(".alert-success")).isVisible();
		assertThat(page.locator(".page-header .subtitle")).containsText("Published");

		TicketView ticket = tickets.create(new NewTicket("My cassowary scanner drifts", "It drifts after a day.", null,
				null, null, null, List.of()), fixtures.aCustomer().user());
		page.navigate(url("/tickets/" + ticket.id()));
		Page.WaitForSelectorOptions visible = new Page.WaitForSelectorOptions().setTimeout(15_000);
		page.fill("[data-kb-panel] input[name=q]", "cassowary calibrating");
		page.waitForSelector("[data-kb-panel] button[data-kb-insert=link]", visible);
		page.click("[data-kb-panel] button[data-kb-insert=link]");
		assertThat(page.locator("#reply-body")).hasValue(
				java.util.regex.Pattern.compile(".*/help/en/articles/calibrating-the-cassowary-scanner.*"));

		assertThat(consoleErrors).isEmpty();
	}
}

package io.rapport.notifications;

import java.util.List;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** @mentions, the bell and the Follow button in Chromium, under the real Content-Security-Policy. */
class CollaborationBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	NotificationsApi notifications;

	Person agent;

	@BeforeEach
	void signIn() {
		agent = fixtures.anAgentIn("tier1");
		signIn(page, agent);
	}

	@Test
	void shouldOfferAgentsToMentionInANoteAndInsertTheirHandleWithTheKeyboard() {
		Person lars = fixtures.anAgentIn("tier2");
		String handle = lars.email().substring(0, lars.email().indexOf('@'));
		TicketView ticket = fixtures.aTicket();
		page.navigate(url("/tickets/" + ticket.id()));

		page.keyboard().press("n");
		page.keyboard().type("Could you look at this, @" + handle.substring(0, handle.length() - 2));
		assertThat(page.locator("#mention-list [role=option]")).hasCount(1);
		assertThat(page.locator("#mention-list")).containsText(lars.user().name());
		page.keyboard().press("Enter");
		page.keyboard().type("please?");

		assertThat(page.locator("#reply-body")).hasValue("Could you look at this, @" + handle + " please?");
		assertThat(page.locator("#mention-list")).hasCount(0);
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void shouldOfferNoMentionsInAPublicReply() {
		TicketView ticket = fixtures.aTicket();
		page.navigate(url("/tickets/" + ticket.id()));

		page.keyboard().press("r");
		page.keyboard().type("Hello @agent");
		page.keyboard().type(" and goodbye");

		assertThat(page.locator("#mention-list")).hasCount(0);
		assertThat(page.locator("#reply-body")).hasValue("Hello @agent and goodbye");
	}

	@Test
	void shouldShowTheBellCountAndOpenTheTicketFromTheCentre() {
		TicketView ticket = fixtures.aTicket();
		notifications.notify(NewNotification.aboutTicket(agent.id(), "assigned", ticket.id(), "notification.assigned",
				List.of("Lars", String.valueOf(ticket.number()), ticket.subject()), "browser"));
		page.navigate(url("/tickets?view=all"));

		assertThat(page.locator("#notification-bell .bell-count")).hasText("1");
		page.click("#notification-bell");
		page.waitForURL("**/notifications");
		page.click("text=Lars assigned you #" + ticket.number());
		page.waitForURL("**/tickets/" + ticket.id());
		assertThat(page.locator("#notification-bell .bell-count")).hasCount(0);

		page.click("#follow button");
		assertThat(page.locator("#follow button")).hasAttribute("aria-pressed", "true");
		assertThat(page.locator("#follow")).containsText("1 follower");
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void shouldMarkReadInPlaceAndUpdateTheBell() {
		TicketView ticket = fixtures.aTicket();
		for (String dedup : List.of("first", "second")) {
			notifications.notify(NewNotification.aboutTicket(agent.id(), "assigned", ticket.id(),
					"notification.assigned", List.of("Lars", String.valueOf(ticket.number()), dedup), dedup));
		}
		page.navigate(url("/notifications"));
		page.evaluate("window.stillTheSamePage = true");

		page.locator(".notification.is-unread button").first().click();
		assertThat(page.locator(".notification.is-unread")).hasCount(1);
		assertThat(page.locator("#notification-bell .bell-count")).hasText("1");

		page.click("text=Mark all read");
		assertThat(page.locator(".notification.is-unread")).hasCount(0);
		assertThat(page.locator("#notification-bell .bell-count")).hasCount(0);
		assertThat(page.evaluate("window.stillTheSamePage === true")).isEqualTo(true);
		assertThat(consoleErrors).isEmpty();
	}
}

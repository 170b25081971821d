package io.rapport.feedback;

import java.util.List;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.feedback.FeedbackApi.NewTopic;
import io.rapport.feedback.FeedbackApi.TopicView;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An agent links a feature request to a suggested topic from the ticket page, starts another, and sees both ranked. */
class FeedbackBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Autowired
	FeedbackApi feedback;

	@Test
	void shouldLinkATicketFromItsPageAndSeeItRanked() {
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomerOf(fixtures.anAccount().id());
		TopicView topic = feedback.create(new NewTopic("Quokka sync", "Sync quokka boards both ways"), agent.user());
		TicketView request = tickets.create(new NewTicket("Please add quokka sync", "We need quokka sync for our boards.",
				null, TicketType.FEATURE_REQUEST, null, null, List.of()), customer.user());
		TicketView complaint = tickets.create(new NewTicket("Wombat export is slow", "Exports take an hour.", null,
				TicketType.COMPLAINT, null, null, List.of()), customer.user());
		signIn(page, agent);

		page.navigate(url("/tickets/" + request.id()));
		page.click("[data-feedback-suggestions] button[data-link-topic='" + topic.id() + "']");
		assertThat(page.locator("[data-feedback-linked]")).containsText("Quokka sync");

		page.navigate(url("/tickets/" + complaint.id()));
		page.click("[data-feedback-panel] summary");
		page.fill("[data-feedback-start] input[name=title]", "Faster wombat exports");
		page.click("[data-feedback-start] button[type=submit]");
		assertThat(page.locator("[data-feedback-linked]")).containsText("Faster wombat exports");

		page.click("a[href='/feedback']");
		page.waitForURL("**/feedback");
		assertThat(page.locator("tr[data-topic='" + topic.id() + "'] [data-tickets]")).hasText("1");
		assertThat(page.locator("tr[data-topic='" + topic.id() + "'] [data-accounts]")).hasText("1");
		assertThat(page.locator("tr[data-topic='" + topic.id() + "']")).containsText("We need quokka sync for our boards.");
		assertThat(page.locator("[data-feedback-ranking]")).containsText("Faster wombat exports");

		assertThat(consoleErrors).isEmpty();
	}
}

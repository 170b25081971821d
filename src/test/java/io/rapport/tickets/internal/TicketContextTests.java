package io.rapport.tickets.internal;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The customer beside a ticket (defect 14's links, the context panel) and why a ticket was escalated (defect 8). */
class TicketContextTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@AfterEach
	void resetClock() {
		clock.set(START);
	}

	@Test
	void shouldShowTheLatestEscalationAtTheTopOfTheConversation() throws Exception {
		Person tier1 = fixtures.anAgentIn("tier1");
		Person tier2 = fixtures.anAgentIn("tier2");
		TicketView ticket = fixtures.aTicket();
		tickets.escalate(ticket.id(), "tier2", "Export job times out after 30 s", tier1.user());

		String page = mvc.perform(get("/tickets/{id}", ticket.id()).param("group", "tier2").with(signedInAs(tier2)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		org.assertj.core.api.Assertions.assertThat(page.indexOf("data-latest-escalation"))
			.isPositive().isLessThan(page.indexOf("class=\"conversation\""));
		org.assertj.core.api.Assertions.assertThat(page)
			.contains("Escalated from Tier 1").contains("to Tier 2")
			.contains("Export job times out after 30 s")
			.contains("by " + tier1.user().name());
	}

	@Test
	void shouldLinkTheRequesterAndTheAccountAndListTheirOtherTickets() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		Person colleague = fixtures.aCustomerOf(account.id());
		TicketView first = fixtures.aTicketFrom(customer, "Invoices are missing");
		TicketView colleagues = fixtures.aTicketFrom(colleague, "SSO setup");
		TicketView current = fixtures.aTicketFrom(customer, "Cannot export");

		mvc.perform(get("/tickets/{id}", current.id()).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/accounts/" + account.id() + "\" data-account-link")))
			.andExpect(content().string(containsString("/tickets?view=search&amp;requester=" + customer.id())))
			.andExpect(content().string(containsString("#" + first.number() + " Invoices are missing")))
			.andExpect(content().string(containsString("#" + colleagues.number() + " SSO setup")))
			.andExpect(content().string(containsString("Not answered yet")))
			.andExpect(content().string(containsString("id=\"account-success\"")));

		mvc.perform(get("/accounts/{id}", account.id()).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Invoices are missing")))
			.andExpect(content().string(containsString("SSO setup")))
			.andExpect(content().string(containsString("Cannot export")));
	}

	@Test
	void shouldShowTheFirstResponseTimeOnceAnswered() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		clock.set(START);
		TicketView ticket = fixtures.aTicket();
		clock.set(START.plusSeconds(42 * 60));
		tickets.addMessage(ticket.id(), new NewMessage("Looking into it.", Visibility.PUBLIC, null), List.of(),
				agent.user());

		mvc.perform(get("/tickets/{id}", ticket.id()).with(signedInAs(agent)))
			.andExpect(content().string(matchesPattern("(?s).*data-first-response[^>]*>42 min<.*")));
	}
}

package io.rapport.tickets.search;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The workspace's full-text search page and the portal's search of one's own requests. */
class TicketSearchPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	Person agent;

	Person customer;

	long ticket;

	@BeforeEach
	void aConversation() {
		agent = fixtures.anAgentIn("tier1");
		customer = fixtures.aCustomer();
		ticket = tickets.create(new NewTicket("Printing", "The label printer skips every second <i>pelican</i> label.",
				null, null, null, null, List.of()), customer.user()).id();
		tickets.addMessage(ticket, new NewMessage("Known firmware bug, see the wombatfix ticket.", Visibility.INTERNAL,
				null), List.of(), agent.user());
	}

	@Test
	void shouldLeadTheTopBarSearchBoxToFullTextSearch() throws Exception {
		mvc.perform(get("/tickets").with(signedInAs(agent)))
			.andExpect(content().string(containsString("action=\"/tickets/search\"")));
	}

	@Test
	void shouldShowAgentsTheTicketsHoldingTheWordsWithAHighlightedSnippet() throws Exception {
		mvc.perform(get("/tickets/search").param("q", "pelican").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-href=\"/tickets/" + ticket + "\""),
					containsString("<mark>pelican</mark>"), containsString("Printing"))));
		mvc.perform(get("/tickets/search").param("q", "wombatfix").with(signedInAs(agent)))
			.andExpect(content().string(containsString("<mark>wombatfix</mark>")));
		mvc.perform(get("/tickets/search").param("q", "pelican").param("status", "SOLVED").with(signedInAs(agent)))
			.andExpect(content().string(not(containsString("data-href=\"/tickets/" + ticket + "\""))));
	}

	@Test
	void shouldNeverFailOnAHandEditedUrl() throws Exception {
		mvc.perform(get("/tickets/search").param("q", "pelican").param("status", "LOST").param("from", "soon")
			.param("group", "nope").param("assignee", "x").param("page", "-5").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<mark>pelican</mark>")));
		mvc.perform(get("/tickets/search").param("q", "pelican").param("from", "2026-03-05").param("to", "2026-03-01")
			.with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("role=\"alert\"")));
	}

	@Test
	void shouldLetACustomerSearchOnlyTheirOwnRequestsAndNeverTheNotes() throws Exception {
		Person other = fixtures.aCustomer();
		long others = tickets.create(new NewTicket("Also printing", "Another pelican problem.", null, null, null, null,
				List.of()), other.user()).id();

		mvc.perform(get("/portal").param("q", "pelican").with(signedInAs(customer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("/portal/tickets/" + ticket),
					containsString("<mark>pelican</mark>"), not(containsString("/portal/tickets/" + others)))));
		mvc.perform(get("/portal").param("q", "wombatfix").with(signedInAs(customer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("/portal/tickets/" + ticket)),
					not(containsString("wombatfix</mark>")))));
	}
}

package io.rapport.tickets;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.TicketLookup.TicketSummary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts a read model rebuilds from: tickets by type in id order, and the customer's first words. */
class TicketLookupFactsTests extends IntegrationTest {

	@Autowired
	TicketLookup lookup;

	@Autowired
	TicketsApi tickets;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldPageTicketsOfTheGivenTypesInIdOrder() {
		Person customer = fixtures.aCustomer();
		long before = lookup.ofTypes(Set.of(TicketType.COMPLAINT), 0, 10_000).stream().mapToLong(TicketSummary::id)
			.max().orElse(0);
		TicketView a = create(customer, TicketType.COMPLAINT, "<p>First <b>complaint</b></p>");
		create(customer, TicketType.QUESTION, "A question");
		TicketView b = create(customer, TicketType.COMPLAINT, "Second complaint");

		List<TicketSummary> page = lookup.ofTypes(Set.of(TicketType.COMPLAINT), before, 1);
		assertThat(page).extracting(TicketSummary::id).containsExactly(a.id());
		assertThat(page.get(0).requesterId()).isEqualTo(customer.id());
		assertThat(page.get(0).createdAt()).isEqualTo(START);
		assertThat(lookup.ofTypes(Set.of(TicketType.COMPLAINT), a.id(), 10)).extracting(TicketSummary::id)
			.containsExactly(b.id());
		assertThat(lookup.summary(b.id())).map(TicketSummary::type).contains(TicketType.COMPLAINT);
	}

	@Test
	void shouldReadTheCustomersFirstPublicWordsAsText() {
		Person customer = fixtures.aCustomer();
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = create(customer, TicketType.FEATURE_REQUEST, "Please add dark mode and more");
		tickets.addMessage(ticket.id(), new NewMessage("An agent's note", Visibility.INTERNAL, null), List.of(),
				agent.user());
		TicketView byAgent = tickets.create(new NewTicket("Phoned in", "x".repeat(50), new NewTicket.Requester(
				customer.email(), null), TicketType.FEATURE_REQUEST, null, null, List.of()), agent.user());

		Map<Long, String> words = lookup.firstCustomerWords(List.of(ticket.id(), byAgent.id()), 20);
		assertThat(words.get(ticket.id())).isEqualTo("Please add dark mod…");
		assertThat(words.get(byAgent.id())).isEqualTo("x".repeat(19) + "…");
	}

	private TicketView create(Person customer, TicketType type, String body) {
		return tickets.create(new NewTicket("Subject " + type, body, null, type, null, null, List.of()),
				customer.user());
	}
}

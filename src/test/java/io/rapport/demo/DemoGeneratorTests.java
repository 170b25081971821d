package io.rapport.demo;

import java.util.List;

import io.rapport.IntegrationTest;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.Role;
import io.rapport.shared.PageResult;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGeneratorTests extends IntegrationTest {

	@Autowired
	DemoGenerator generator;

	@Autowired
	TicketsApi tickets;

	@Autowired
	IdentityApi identity;

	@Test
	void shouldFillTheHelpDeskAndLeaveItWorkingForLiveTickets() {
		long before = tickets.list(TicketFilter.any(), 0, 1, admin()).total();

		DemoGenerator.Result result = generator.generate(240, 42, "demo-password-1");

		PageResult<TicketView> all = tickets.list(TicketFilter.any(), 0, 100, admin());
		assertThat(all.total()).isEqualTo(before + 240);
		assertThat(result.agentEmails()).hasSize(10);
		TicketView escalated = escalatedByOneOf(result.agentEmails());
		assertThat(tickets.history(escalated.id(), admin())).anyMatch(change -> change.field().equals("group"));
		assertThat(tickets.messages(escalated.id(), admin())).hasSizeGreaterThan(2);

		// Live traffic after an import draws ids from the same sequences without clashing.
		TicketView.Requester customer = all.items().get(0).requester();
		TicketView live = tickets.create(new NewTicket("After the import", "Still works?",
				new NewTicket.Requester(customer.email(), customer.name()), null, null, null, List.of()), admin());
		tickets.addMessage(live.id(), new NewMessage("Yes.", Visibility.PUBLIC, null), List.of(), admin());
		tickets.escalate(live.id(), "tier2", "Checking the import", admin());
		assertThat(tickets.messages(live.id(), admin())).hasSize(2);
		assertThat(tickets.history(live.id(), admin())).anyMatch(change -> change.field().equals("group"));
	}

	private AuthenticatedUser admin() {
		var admin = identity.agents().stream().filter(a -> a.role() == Role.ADMIN).findFirst().orElseThrow();
		return AuthenticatedUser.agent(admin.id(), admin.email(), admin.name(), admin.role());
	}

	/** Other tests share the database, so find a demo ticket by who escalated it, not by where it sorts. */
	private TicketView escalatedByOneOf(List<String> agentEmails) {
		java.util.Set<Long> demoAgents = identity.agents().stream().filter(agent -> agentEmails.contains(agent.email()))
			.map(io.rapport.identity.AgentView::id).collect(java.util.stream.Collectors.toSet());
		for (int page = 0;; page++) {
			PageResult<TicketView> tickets = this.tickets.list(TicketFilter.any(), page, 100, admin());
			var found = tickets.items().stream()
				.filter(t -> t.escalations().stream().anyMatch(e -> demoAgents.contains(e.byId())))
				.findFirst();
			if (found.isPresent() || !tickets.hasNext()) {
				return found.orElseThrow();
			}
		}
	}
}

package io.rapport.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.Role;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;

import org.springframework.stereotype.Component;

/**
 * The demo's last minute, lived through the same API people use: the import is silent (no events), so each agent
 * is assigned a ticket by a colleague, its customer answers, a Tier 1 advocate @mentions a Tier 2 engineer, and
 * the views agents save are there. The notification centre, the followers and every other listener then have
 * something real to show on first sign-in. Deterministic: tickets are taken in queue order.
 */
@Component
class DemoActivity {

	static final String SHARED_VIEW = "Urgent and high, unassigned";

	private final TicketsApi tickets;

	private final IdentityApi identity;

	DemoActivity(TicketsApi tickets, IdentityApi identity) {
		this.tickets = tickets;
		this.identity = identity;
	}

	void bringToLife() {
		List<AgentView> agents = identity.agents().stream()
			.filter(agent -> agent.active() && agent.role() != Role.ADMIN && !agent.groups().isEmpty())
			.toList();
		identity.agents().stream().filter(agent -> agent.active() && agent.role() == Role.ADMIN).findFirst()
			.ifPresent(admin -> tickets.saveView(SHARED_VIEW, true,
					"view=all&priority=URGENT&priority=HIGH&assignee=unassigned", as(admin)));
		Set<Long> taken = new HashSet<>();
		for (AgentView agent : agents) {
			tickets.saveView("My billing tickets", false, "view=mine&tags=billing", as(agent));
			AgentView colleague = colleagueOf(agent, agents);
			unassignedIn(agent.groups().get(0), agent, taken).ifPresent(ticket -> {
				tickets.update(ticket.id(), new TicketUpdate(null, null, null, agent.id(), false, null,
						ticket.version()), as(colleague));
				customerAnswers(ticket);
			});
		}
		mention(agents);
	}

	private void customerAnswers(TicketView ticket) {
		AuthenticatedUser customer = AuthenticatedUser.contact(ticket.requester().id(), ticket.requester().email(),
				ticket.requester().name());
		tickets.addMessage(ticket.id(), new NewMessage("Thanks for picking this up. One more detail: it also "
				+ "happens on the mobile app, not only in the browser.", Visibility.PUBLIC, NewMessage.BodyFormat.TEXT),
				List.of(), customer);
	}

	/** A Tier 1 advocate asks a Tier 2 engineer for a look in an internal note on one of their tickets. */
	private void mention(List<AgentView> agents) {
		AgentView advocate = agents.stream().filter(a -> a.groups().contains(GroupView.TIER1)).findFirst().orElse(null);
		AgentView engineer = agents.stream().filter(a -> a.groups().contains(GroupView.TIER2)).findFirst().orElse(null);
		if (advocate == null || engineer == null) {
			return;
		}
		List<TicketView> mine = tickets.list(new TicketFilter(TicketStatus.UNSOLVED, null, advocate.id(), false, null,
				null, null, null), 0, 1, as(advocate)).items();
		if (!mine.isEmpty()) {
			String handle = engineer.email().substring(0, engineer.email().indexOf('@'));
			tickets.addMessage(mine.get(0).id(), new NewMessage("@" + handle + " could you check the server logs "
					+ "for this account before I escalate? The customer sees it since yesterday's release.",
					Visibility.INTERNAL, NewMessage.BodyFormat.TEXT), List.of(), as(advocate));
		}
	}

	private java.util.Optional<TicketView> unassignedIn(String groupKey, AgentView agent, Set<Long> taken) {
		long groupId = identity.requireGroup("group", groupKey).id();
		return tickets.list(new TicketFilter(Set.of(TicketStatus.NEW, TicketStatus.OPEN), Set.of(groupId), null, true,
				null, null, null, null), 0, 20, as(agent)).items().stream()
			.filter(ticket -> taken.add(ticket.id()))
			.findFirst();
	}

	private static AgentView colleagueOf(AgentView agent, List<AgentView> agents) {
		return agents.stream().filter(other -> other.id() != agent.id() && other.groups().contains(agent.groups().get(0)))
			.findFirst().orElse(agents.stream().filter(other -> other.id() != agent.id()).findFirst().orElse(agent));
	}

	private static AuthenticatedUser as(AgentView agent) {
		return AuthenticatedUser.agent(agent.id(), agent.email(), agent.name(), agent.role());
	}
}

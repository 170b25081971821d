package io.rapport.tickets.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything the ticket page shows, read fresh for each render: after a reply, an update or an escalation the
 * page (or its htmx fragment) always shows the stored state and the current version.
 */
@Component
class TicketWorkspace {

	private final TicketsApi tickets;

	private final IdentityApi identity;

	private final AccountsApi accounts;

	private final TicketContext context;

	private final ConversationDisplay conversation;

	TicketWorkspace(TicketsApi tickets, IdentityApi identity, AccountsApi accounts, TicketContext context,
			ConversationDisplay conversation) {
		this.conversation = conversation;
		this.tickets = tickets;
		this.identity = identity;
		this.accounts = accounts;
		this.context = context;
	}

	void fill(Model model, long id, AuthenticatedUser user, TicketQueue queue) {
		fill(model, id, user, queue, null);
	}

	/** {@code showRemoteImagesOf}: the message whose remote pictures the agent asked to see, or null. */
	void fill(Model model, long id, AuthenticatedUser user, TicketQueue queue, Long showRemoteImagesOf) {
		TicketView ticket = tickets.get(id, user);
		Map<Long, String> agentNames = TicketListPage.agentNames(identity);
		Map<String, String> groupNames = TicketListPage.groupNames(identity);
		model.addAttribute("ticket", ticket);
		conversation.fill(model, id, tickets.messages(id, user), showRemoteImagesOf);
		model.addAttribute("history", tickets.history(id, user));
		model.addAttribute("agentNames", agentNames);
		model.addAttribute("agentLabels", agentNames.entrySet().stream()
			.collect(Collectors.toMap(entry -> entry.getKey().toString(), Map.Entry::getValue)));
		model.addAttribute("priorities", TicketPriority.values());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("groupNames", groupNames);
		model.addAttribute("assignees", assignees(ticket, agentNames));
		model.addAttribute("statuses", statusChoices(ticket.status()));
		model.addAttribute("escalationTargets", identity.groups().stream()
			.filter(group -> !group.key().equals(ticket.group())).toList());
		model.addAttribute("account", ticket.accountId() == null ? null
				: accounts.account(ticket.accountId()).orElse(null));
		context.fill(model, ticket, user);
		model.addAttribute("queue", queue);
		model.addAttribute("activeView", queue.key());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	/** Active members of the ticket's group; a current assignee outside it stays listed, so it is not lost. */
	private Map<Long, String> assignees(TicketView ticket, Map<Long, String> agentNames) {
		Map<Long, String> choices = new LinkedHashMap<>();
		identity.groupByKey(ticket.group()).ifPresent(group -> identity.activeAgentsIn(group.id())
			.forEach(agent -> choices.put(agent.id(), agent.name())));
		if (ticket.assigneeId() != null && !choices.containsKey(ticket.assigneeId())) {
			choices.put(ticket.assigneeId(), agentNames.getOrDefault(ticket.assigneeId(), "#" + ticket.assigneeId()));
		}
		return choices;
	}

	/** NEW is only shown while the ticket is new; CLOSED only once it is solved, as the ticket's rules allow. */
	static List<TicketStatus> statusChoices(TicketStatus current) {
		Set<TicketStatus> choices = EnumSet.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD,
				TicketStatus.SOLVED, current);
		if (current == TicketStatus.SOLVED) {
			choices.add(TicketStatus.CLOSED);
		}
		return new ArrayList<>(choices);
	}
}

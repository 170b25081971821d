package io.rapport.tickets.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.PageResult;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The agent's ticket lists (the sidebar's views), search, and "next ticket" within a view. */
@Controller
@WorkspacePage
class TicketListPage {

	static final int PAGE_SIZE = 25;

	private static final int NEXT_WINDOW = 100;

	private final TicketsApi tickets;

	private final IdentityApi identity;

	TicketListPage(TicketsApi tickets, IdentityApi identity) {
		this.tickets = tickets;
		this.identity = identity;
	}

	@GetMapping("/tickets")
	String list(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String view,
			@RequestParam(required = false) String group, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String text = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
		TicketQueue queue = TicketQueue.of(view, group, text, user, identity);
		PageResult<TicketView> result = tickets.list(queue.filter(), Math.max(0, Math.min(page, 10_000)), PAGE_SIZE,
				user);
		model.addAttribute("queue", queue);
		model.addAttribute("activeView", text == null ? queue.key() : null);
		model.addAttribute("q", text);
		model.addAttribute("result", result);
		model.addAttribute("agentNames", agentNames(identity));
		model.addAttribute("groupNames", groupNames(identity));
		return "tickets/list";
	}

	/** The ticket after this one in the same view, or the view itself when this was the last. */
	@GetMapping("/tickets/{id}/next")
	String next(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String view, @RequestParam(required = false) String group) {
		TicketQueue queue = TicketQueue.of(view, group, null, user, identity);
		List<TicketView> window = tickets.list(queue.filter(), 0, NEXT_WINDOW, user).items();
		int at = -1;
		for (int i = 0; i < window.size(); i++) {
			if (window.get(i).id() == id) {
				at = i;
			}
		}
		TicketView next = at + 1 < window.size() ? window.get(at + 1) : null;
		UriComponentsBuilder target = UriComponentsBuilder
			.fromPath(next == null || next.id() == id ? "/tickets" : "/tickets/" + next.id());
		if (queue.group() != null) {
			target.queryParam("group", queue.group());
		}
		else {
			target.queryParam("view", queue.view());
		}
		return "redirect:" + target.encode().build().toUriString();
	}

	static Map<Long, String> agentNames(IdentityApi identity) {
		return identity.agents().stream().collect(Collectors.toMap(AgentView::id, AgentView::name));
	}

	static Map<String, String> groupNames(IdentityApi identity) {
		return identity.groups().stream()
			.collect(Collectors.toMap(io.rapport.identity.GroupView::key, io.rapport.identity.GroupView::name,
					(a, b) -> a, java.util.LinkedHashMap::new));
	}
}

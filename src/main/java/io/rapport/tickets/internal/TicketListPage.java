package io.rapport.tickets.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.PageResult;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The agent's queues: the sidebar's views and saved views, narrowed by the filter bar, sorted by any column,
 * paged with counts, with the bulk bar; and "next ticket" within a view.
 */
@Controller
@WorkspacePage
class TicketListPage {

	static final int PAGE_SIZE = 25;

	private static final int NEXT_WINDOW = 100;

	private final TicketsApi tickets;

	private final IdentityApi identity;

	private final AccountsApi accounts;

	private final SavedViewService savedViews;

	private final io.rapport.tickets.TicketDeadlines deadlines;

	private final java.time.Clock clock;

	TicketListPage(TicketsApi tickets, IdentityApi identity, AccountsApi accounts, SavedViewService savedViews,
			io.rapport.tickets.TicketDeadlines deadlines, java.time.Clock clock) {
		this.deadlines = deadlines;
		this.clock = clock;
		this.tickets = tickets;
		this.identity = identity;
		this.accounts = accounts;
		this.savedViews = savedViews;
	}

	@GetMapping("/tickets")
	String list(@CurrentUser AuthenticatedUser user, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(defaultValue = "0") int page, Model model) {
		QueueFilters filters = QueueFilters.parse(params);
		SavedView saved = savedViews.readable(filters.saved(), user).orElse(null);
		if (saved != null && !QueueFilters.narrows(params)) {
			filters = QueueFilters.parse(saved.getQuery()).savedAs(saved.getId());
		}
		TicketQueue queue = TicketQueue.of(filters.view(), filters.group(), filters.q(), user, identity);
		PageResult<TicketView> result = tickets.list(filters.apply(queue.filter(), user), filters.sort(),
				Math.max(0, Math.min(page, 10_000)), PAGE_SIZE, user);
		model.addAttribute("queue", queue);
		model.addAttribute("filters", filters);
		model.addAttribute("savedView", saved);
		model.addAttribute("activeView", saved != null ? "saved:" + saved.getId() : filters.q() == null ? queue.key() : null);
		model.addAttribute("q", filters.q());
		model.addAttribute("result", result);
		model.addAttribute("pages", pages(result));
		model.addAttribute("agentNames", agentNames(identity));
		model.addAttribute("groupNames", groupNames(identity));
		java.util.Map<Long, java.time.Instant> due = deadlines.of(result.items().stream().map(TicketView::id).toList());
		model.addAttribute("slaDue", due);
		model.addAttribute("slaOverdue", due.entrySet().stream().filter(e -> e.getValue().isBefore(clock.instant()))
			.map(java.util.Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("accountNames", accounts.accounts(result.items().stream().map(TicketView::accountId)
			.filter(Objects::nonNull).collect(Collectors.toSet())).values().stream()
			.collect(Collectors.toMap(AccountView::id, AccountView::name)));
		model.addAttribute("accountName", filters.account() == null ? null
				: accounts.account(filters.account()).map(AccountView::name).orElse(null));
		model.addAttribute("agents", identity.agents().stream().filter(AgentView::active).toList());
		model.addAttribute("groups", identity.groups());
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("priorities", TicketPriority.values());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("channels", Channel.values());
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

	/** The page numbers the pager links to: the first, the last, and two either side of this one. */
	static List<Integer> pages(PageResult<?> result) {
		int last = result.totalPages() - 1;
		return java.util.stream.IntStream.rangeClosed(0, Math.max(0, last))
			.filter(p -> p == 0 || p == last || Math.abs(p - result.page()) <= 2).boxed().toList();
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

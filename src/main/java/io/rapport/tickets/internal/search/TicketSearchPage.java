package io.rapport.tickets.internal.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketSearch;
import io.rapport.tickets.TicketSearch.Hit;
import io.rapport.tickets.TicketSearch.Hits;
import io.rapport.tickets.TicketStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The workspace's full-text search ({@code /tickets/search?q=}), where the top bar's search box leads: tickets
 * whose subject, messages or notes hold the words, with a highlighted snippet, the filters of the API, and pages.
 * A hand-edited URL never fails: a value that does not parse is left out, and a rule the search refuses (an end
 * date before the start) is said above the results.
 */
@Controller
@WorkspacePage
class TicketSearchPage {

	static final int PAGE_SIZE = 25;

	private final TicketSearch search;

	private final IdentityApi identity;

	private final AccountsApi accounts;

	private final PageForms forms;

	TicketSearchPage(TicketSearch search, IdentityApi identity, AccountsApi accounts, PageForms forms) {
		this.search = search;
		this.identity = identity;
		this.accounts = accounts;
		this.forms = forms;
	}

	@GetMapping("/tickets/search")
	String search(@CurrentUser AuthenticatedUser user, @RequestParam MultiValueMap<String, String> params,
			Locale locale, Model model) {
		Form form = Form.parse(params, identity);
		int page = Math.max(0, Math.min(form.page(), TicketFullTextSearch.MAX_RESULTS / PAGE_SIZE - 1));
		Hits hits = new Hits(0, page, PAGE_SIZE, List.of());
		SearchParams.Assignee assignee = form.assignee() == null ? new SearchParams.Assignee(null, false)
				: SearchParams.assignee(form.assignee(), user);
		try {
			hits = search.search(new TicketSearch.Query(form.q(), form.statuses(), form.group(), assignee.id(),
					assignee.none(), null, null, form.tags(), form.channels(), form.from(), form.to(),
					locale.toLanguageTag(), page, PAGE_SIZE), user);
		}
		catch (InvalidInputException e) {
			model.addAttribute("searchError", forms.message(e));
		}
		Map<Long, ContactView> requesters = accounts
			.contacts(hits.items().stream().map(Hit::requesterId).collect(Collectors.toSet()));
		model.addAttribute("q", form.q());
		model.addAttribute("form", form);
		model.addAttribute("hits", hits);
		model.addAttribute("requesters", requesters);
		model.addAttribute("pages", pages(hits));
		model.addAttribute("groups", identity.groups());
		model.addAttribute("agents", identity.agents().stream().filter(AgentView::active).toList());
		model.addAttribute("agentNames",
				identity.agents().stream().collect(Collectors.toMap(AgentView::id, AgentView::name)));
		model.addAttribute("groupNames", identity.groups().stream()
			.collect(Collectors.toMap(GroupView::id, GroupView::name)));
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("activeView", null);
		return "tickets/search";
	}

	static List<Integer> pages(Hits hits) {
		int last = Math.min(hits.totalPages(), TicketFullTextSearch.MAX_RESULTS / PAGE_SIZE) - 1;
		return IntStream.rangeClosed(0, Math.max(0, last))
			.filter(p -> p == 0 || p == last || Math.abs(p - hits.page()) <= 2)
			.boxed()
			.toList();
	}

	/** The search form as it travels in the URL; what does not parse is left out. */
	record Form(String q, Set<TicketStatus> statuses, String group, String assignee, Set<Channel> channels,
			String tag, LocalDate from, LocalDate to, int page) {

		static Form parse(MultiValueMap<String, String> params, IdentityApi identity) {
			String asked = text(params, "group", 50);
			String group = asked != null && identity.groups().stream().anyMatch(g -> g.key().equals(asked)) ? asked
					: null;
			String assignee = text(params, "assignee", 20);
			if (assignee != null && !assignee.matches("me|none|unassigned|\\d{1,18}")) {
				assignee = null;
			}
			int page;
			try {
				page = Integer.parseInt(params.getOrDefault("page", List.of("0")).get(0));
			}
			catch (NumberFormatException e) {
				page = 0;
			}
			return new Form(text(params, "q", 500), enums(TicketStatus.class, params.get("status")), group,
					assignee, enums(Channel.class, params.get("channel")), text(params, "tag", 200),
					date(params, "from"), date(params, "to"), page);
		}

		List<String> tags() {
			if (tag == null) {
				return List.of();
			}
			return java.util.Arrays.stream(tag.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
		}

		public boolean has(Object value) {
			return statuses.contains(value) || channels.contains(value);
		}

		public int filterCount() {
			return statuses.size() + channels.size() + (group != null ? 1 : 0) + (assignee != null ? 1 : 0)
					+ (tag != null ? 1 : 0) + (from != null ? 1 : 0) + (to != null ? 1 : 0);
		}

		/** This search's URL on another page. */
		public String withPage(int page) {
			UriComponentsBuilder url = UriComponentsBuilder.fromPath("/tickets/search");
			add(url, "q", q);
			statuses.forEach(s -> url.queryParam("status", s.name()));
			add(url, "group", group);
			add(url, "assignee", assignee);
			channels.forEach(c -> url.queryParam("channel", c.name()));
			add(url, "tag", tag);
			add(url, "from", from);
			add(url, "to", to);
			if (page > 0) {
				url.queryParam("page", page);
			}
			return url.encode().build().toUriString();
		}

		private static void add(UriComponentsBuilder url, String name, Object value) {
			if (value != null) {
				url.queryParam(name, value);
			}
		}

		private static String text(MultiValueMap<String, String> params, String name, int max) {
			String value = params.getFirst(name);
			if (value == null || value.isBlank()) {
				return null;
			}
			value = value.strip();
			return value.length() > max ? value.substring(0, max) : value;
		}

		private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> values) {
			Set<E> parsed = EnumSet.noneOf(type);
			for (String value : values == null ? List.<String>of() : values) {
				for (String one : value.split(",")) {
					try {
						parsed.add(Enum.valueOf(type, one.strip().toUpperCase(Locale.ROOT)));
					}
					catch (IllegalArgumentException e) {
						// a hand-edited URL: left out
					}
				}
			}
			return parsed;
		}

		private static LocalDate date(MultiValueMap<String, String> params, String name) {
			String value = params.getFirst(name);
			try {
				return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
			}
			catch (DateTimeParseException e) {
				return null;
			}
		}
	}
}

package io.rapport.feedback.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.feedback.FeedbackApi;
import io.rapport.feedback.FeedbackApi.FeedbackTicket;
import io.rapport.feedback.FeedbackApi.NewTopic;
import io.rapport.feedback.FeedbackApi.NoticeResult;
import io.rapport.feedback.FeedbackApi.RankedTopic;
import io.rapport.feedback.FeedbackApi.TopicChange;
import io.rapport.feedback.FeedbackApi.TopicView;
import io.rapport.feedback.TopicState;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.TicketLookup;
import io.rapport.tickets.TicketLookup.TicketSummary;
import io.rapport.tickets.TicketType;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Product feedback" pages: topics ranked with the customers' own words and the unsorted tickets; a topic's
 * page with its tickets and accounts, its state, and "notify every requester" once it shipped.
 */
@Controller
@WorkspacePage
class FeedbackPages {

	static final String ACTIVE_VIEW = "feedback";

	static final List<String> LANGUAGES = List.of("en", "zh", "ro", "ta", "eo");

	private static final int WORDS_PER_TOPIC = 2;

	private final FeedbackApi feedback;

	private final TicketLookup tickets;

	private final AccountsApi accounts;

	private final PageForms forms;

	private final MessageSource messages;

	private final FeedbackRows rows;

	FeedbackPages(FeedbackApi feedback, TicketLookup tickets, AccountsApi accounts, PageForms forms,
			MessageSource messages, FeedbackRows rows) {
		this.rows = rows;
		this.feedback = feedback;
		this.tickets = tickets;
		this.accounts = accounts;
		this.forms = forms;
		this.messages = messages;
	}

	@Bean
	static SidebarContribution feedbackSidebar(FeedbackApi feedback) {
		return () -> List.of(SidebarEntry.link("feedback.nav.section", 330, "feedback.nav.title", "/feedback",
				ACTIVE_VIEW).withCount(feedback::unsortedCount));
	}

	@GetMapping("/feedback")
	String list(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String state,
			@RequestParam(required = false) String kind, Model model) {
		user.requireAgent();
		TopicState onlyState = parse(TopicState.class, state);
		TicketType onlyKind = parse(TicketType.class, kind);
		if (onlyKind != null && !FeedbackApi.KINDS.contains(onlyKind)) {
			onlyKind = null;
		}
		List<RankedTopic> ranked = feedback.ranking(onlyState == null ? Set.of() : EnumSet.of(onlyState),
				onlyKind == null ? Set.of() : Set.of(onlyKind), user);
		Map<Long, List<FeedbackTicket>> words = new LinkedHashMap<>();
		for (RankedTopic r : ranked) {
			words.put(r.topic().id(), new ArrayList<>());
		}
		List<FeedbackTicket> unsorted = feedback.unsorted(0, 25, user).items();
		List<FeedbackTicket> excerpts = wordsOf(ranked, onlyKind);
		excerpts.forEach(t -> words.get(t.topicId()).add(t));
		List<FeedbackTicket> shown = new ArrayList<>(excerpts);
		shown.addAll(unsorted);
		model.addAttribute("ranked", ranked);
		model.addAttribute("words", words);
		model.addAttribute("unsorted", unsorted);
		model.addAttribute("unsortedCount", feedback.unsortedCount());
		model.addAttribute("subjects", subjects(unsorted));
		model.addAttribute("accountNames", accountNames(shown));
		model.addAttribute("states", TopicState.values());
		model.addAttribute("kinds", List.of(TicketType.FEATURE_REQUEST, TicketType.COMPLAINT));
		model.addAttribute("state", onlyState);
		model.addAttribute("kind", onlyKind);
		model.addAttribute("mrrAvailable", false);
		model.addAttribute("admin", user.isAdmin());
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "feedback/list";
	}

	@PostMapping("/feedback/topics")
	String create(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String description, RedirectAttributes redirect) {
		try {
			TopicView topic = feedback.create(new NewTopic(title, description), user);
			redirect.addFlashAttribute("notice", forms.message("feedback.topic.created", topic.title()));
			return "redirect:/feedback/topics/" + topic.id();
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", forms.message(e));
			return "redirect:/feedback";
		}
	}

	@PostMapping("/feedback/rebuild")
	String rebuild(@CurrentUser AuthenticatedUser user, RedirectAttributes redirect) {
		int count = feedback.rebuild(user);
		redirect.addFlashAttribute("notice", forms.message("feedback.rebuilt", count));
		return "redirect:/feedback";
	}

	@GetMapping("/feedback/topics/{id}")
	String topic(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String lang, Model model) {
		user.requireAgent();
		TopicView topic = feedback.topic(id, user);
		List<FeedbackTicket> linked = feedback.ticketsOf(id, user);
		Map<Long, Long> byAccount = linked.stream().filter(t -> t.accountId() != null)
			.collect(Collectors.groupingBy(FeedbackTicket::accountId, LinkedHashMap::new, Collectors.counting()));
		List<Map.Entry<Long, Long>> accountRows = new ArrayList<>(byAccount.entrySet());
		accountRows.sort(Map.Entry.<Long, Long>comparingByValue().reversed());
		String language = lang != null && LANGUAGES.contains(lang) ? lang
				: LANGUAGES.contains(LocaleContextHolder.getLocale().getLanguage())
						? LocaleContextHolder.getLocale().getLanguage() : "en";
		model.addAttribute("topic", topic);
		model.addAttribute("linked", linked);
		model.addAttribute("facts", facts(linked));
		model.addAttribute("accountRows", accountRows);
		model.addAttribute("accountNames", accountNames(linked));
		model.addAttribute("customers", linked.stream().map(FeedbackTicket::requesterId).distinct().count());
		model.addAttribute("states", TopicState.values());
		model.addAttribute("languages", LANGUAGES);
		model.addAttribute("language", language);
		if (!model.containsAttribute("message")) {
			model.addAttribute("message", messages.getMessage("feedback.notify.prefill",
					new Object[] { topic.title() }, Locale.forLanguageTag(language)));
		}
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "feedback/topic";
	}

	@PostMapping("/feedback/topics/{id}")
	String change(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String state,
			@RequestParam(required = false) String version, RedirectAttributes redirect) {
		try {
			TopicState newState = parse(TopicState.class, state);
			if (state != null && !state.isBlank() && newState == null) {
				throw InvalidInputException.of("state", "errors.feedback.state");
			}
			Long expected = version == null || !version.strip().matches("\\d{1,18}") ? null
					: Long.valueOf(version.strip());
			TopicView topic = feedback.change(id, new TopicChange(title, description, newState, expected), user);
			redirect.addFlashAttribute("notice", forms.message("feedback.topic.saved", topic.title()));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", forms.message(e));
		}
		return "redirect:/feedback/topics/" + id;
	}

	@PostMapping("/feedback/topics/{id}/notify")
	String notifyRequesters(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String message, RedirectAttributes redirect) {
		try {
			NoticeResult result = feedback.notifyRequesters(id, message, user);
			redirect.addFlashAttribute("notice", forms.message("feedback.notify.done", result.posted(),
					result.alreadyNotified(), result.skippedClosed()));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", forms.message(e));
			redirect.addFlashAttribute("message", message);
		}
		return "redirect:/feedback/topics/" + id;
	}

	private List<FeedbackTicket> wordsOf(List<RankedTopic> ranked, TicketType kind) {
		List<Long> ids = ranked.stream().map(r -> r.topic().id()).toList();
		return rows.wordsOf(ids, kind == null ? List.of("FEATURE_REQUEST", "COMPLAINT") : List.of(kind.name()),
				WORDS_PER_TOPIC);
	}

	private Map<Long, String> subjects(Collection<FeedbackTicket> shown) {
		Map<Long, String> subjects = new LinkedHashMap<>();
		for (FeedbackTicket t : shown) {
			tickets.header(t.ticketId()).ifPresent(h -> subjects.put(t.ticketId(), h.subject()));
		}
		return subjects;
	}

	private Map<Long, TicketSummary> facts(Collection<FeedbackTicket> shown) {
		Map<Long, TicketSummary> facts = new LinkedHashMap<>();
		for (FeedbackTicket t : shown) {
			tickets.summary(t.ticketId()).ifPresent(f -> facts.put(t.ticketId(), f));
		}
		return facts;
	}

	private Map<Long, String> accountNames(Collection<FeedbackTicket> shown) {
		Set<Long> ids = new HashSet<>();
		shown.forEach(t -> {
			if (t.accountId() != null) {
				ids.add(t.accountId());
			}
		});
		return accounts.accounts(ids).values().stream()
			.collect(Collectors.toMap(AccountView::id, AccountView::name));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}

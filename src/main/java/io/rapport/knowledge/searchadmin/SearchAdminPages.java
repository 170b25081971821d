package io.rapport.knowledge.searchadmin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.search.SearchIndexes;
import io.rapport.shared.search.SearchLanguages;
import io.rapport.shared.search.SearchSynonyms;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Search: the synonyms of each language (list, add, edit, delete), and the search indexes with their
 * documents and rebuilds (a "Rebuild index" button; the progress refreshes itself while a rebuild runs).
 * Administrators only; every change is a POST with the CSRF token.
 */
@Controller
@WorkspacePage
class SearchAdminPages {

	static final String ACTIVE_VIEW = "admin:search";

	private final SearchSynonyms synonyms;

	private final SearchIndexes indexes;

	private final PageForms forms;

	SearchAdminPages(SearchSynonyms synonyms, SearchIndexes indexes, PageForms forms) {
		this.synonyms = synonyms;
		this.indexes = indexes;
		this.forms = forms;
	}

	@Bean
	static AdminLink searchAdminLink() {
		return new AdminLink("search.admin.title", "search.admin.subtitle", "/admin/search", ACTIVE_VIEW, 70);
	}

	@GetMapping("/admin/search")
	String page(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String language, Model model) {
		user.requireAdmin();
		String chosen = language(language);
		fill(model, chosen, "", Map.of());
		return "search/admin";
	}

	private void fill(Model model, String language, String terms, Map<String, String> errors) {
		model.addAttribute("languages", languages());
		model.addAttribute("language", language);
		model.addAttribute("groups", synonyms.list(language));
		model.addAttribute("terms", terms);
		model.addAttribute("errors", errors);
		indexModel(model);
		model.addAttribute("activeView", ACTIVE_VIEW);
	}

	private void indexModel(Model model) {
		List<SearchIndexes.Run> runs = indexes.recent(10);
		model.addAttribute("types", indexes.types());
		model.addAttribute("runs", runs);
		model.addAttribute("busy", runs.stream().anyMatch(SearchIndexes.Run::active));
	}

	/** The indexes panel alone, which the page polls (htmx) while a rebuild runs. */
	@GetMapping("/admin/search/indexes")
	String indexesPanel(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		indexModel(model);
		return "search/indexes :: indexes";
	}

	@PostMapping("/admin/search/synonyms")
	String add(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String language,
			@RequestParam(required = false) String terms, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		user.requireAdmin();
		String chosen = language(language);
		try {
			synonyms.add(chosen, SearchSynonyms.terms(terms));
		}
		catch (SearchSynonyms.InvalidTerms e) {
			fill(model, chosen, terms == null ? "" : terms, Map.of("terms", forms.message(e.code(), e.limit())));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "search/admin";
		}
		redirect.addFlashAttribute("notice", forms.message("search.synonyms.added"));
		return "redirect:/admin/search?language=" + chosen;
	}

	@GetMapping("/admin/search/synonyms/{id}")
	String edit(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		user.requireAdmin();
		SearchSynonyms.Group group = group(id);
		model.addAttribute("group", group);
		model.addAttribute("terms", String.join("\n", group.terms()));
		model.addAttribute("errors", Map.of());
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "search/synonym-edit";
	}

	@PostMapping("/admin/search/synonyms/{id}")
	String change(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String terms, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		user.requireAdmin();
		SearchSynonyms.Group group = group(id);
		try {
			synonyms.change(id, SearchSynonyms.terms(terms));
		}
		catch (SearchSynonyms.InvalidTerms e) {
			model.addAttribute("group", group);
			model.addAttribute("terms", terms == null ? "" : terms);
			model.addAttribute("errors", Map.of("terms", forms.message(e.code(), e.limit())));
			model.addAttribute("activeView", ACTIVE_VIEW);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "search/synonym-edit";
		}
		redirect.addFlashAttribute("notice", forms.message("search.synonyms.saved"));
		return "redirect:/admin/search?language=" + group.language();
	}

	@PostMapping("/admin/search/synonyms/{id}/delete")
	String delete(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAdmin();
		SearchSynonyms.Group group = group(id);
		synonyms.delete(id);
		redirect.addFlashAttribute("notice", forms.message("search.synonyms.deleted"));
		return "redirect:/admin/search?language=" + group.language();
	}

	@PostMapping("/admin/search/rebuild")
	String rebuild(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String entity,
			RedirectAttributes redirect) {
		user.requireAdmin();
		String chosen = entity == null || entity.isBlank() ? null : entity.strip();
		if (chosen != null && indexes.types().stream().noneMatch(t -> t.name().equals(chosen))) {
			throw NotFoundException.of("errors.not-found");
		}
		List<SearchIndexes.Run> queued = indexes.rebuild(chosen, user.email());
		redirect.addFlashAttribute("notice",
				forms.message(queued.isEmpty() ? "search.indexes.alreadyRunning" : "search.indexes.started"));
		return "redirect:/admin/search";
	}

	private SearchSynonyms.Group group(long id) {
		return synonyms.find(id).orElseThrow(() -> NotFoundException.of("errors.not-found"));
	}

	/** A language of the page: one with an analyzer, or {@code any}; anything else reads as English. */
	private static String language(String value) {
		if (value != null && (SearchLanguages.ANALYZED.contains(value) || SearchLanguages.ANY.equals(value))) {
			return value;
		}
		return SearchLanguages.EN;
	}

	private static Map<String, String> languages() {
		Map<String, String> languages = new LinkedHashMap<>();
		List<String> all = new ArrayList<>(SearchLanguages.ANALYZED);
		all.add(SearchLanguages.ANY);
		all.forEach(l -> languages.put(l, "search.language." + l));
		return languages;
	}

}

package io.rapport.knowledge.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.knowledge.ArticleKind;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.knowledge.internal.ArticleTranslation.State;
import io.rapport.knowledge.internal.Inputs.ArticleChange;
import io.rapport.knowledge.internal.Inputs.NewArticle;
import io.rapport.knowledge.internal.Inputs.TranslationInput;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.PageResult;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base for agents: the article list with filters, the editor of a translation with a live preview
 * (the server renders the Markdown as the help center will), article settings, revisions with a diff between any
 * two and a restore.
 */
@Controller
@WorkspacePage
class KnowledgePages {

	private final ArticleEditor editor;

	private final ArticleList list;

	private final CategoryAdmin categories;

	private final Locales locales;

	private final IdentityApi identity;

	private final PageForms forms;

	private final ArticleSearch search;

	private final TicketArticles ticketArticles;

	KnowledgePages(ArticleEditor editor, ArticleList list, CategoryAdmin categories, Locales locales,
			IdentityApi identity, PageForms forms, ArticleSearch search, TicketArticles ticketArticles) {
		this.search = search;
		this.ticketArticles = ticketArticles;
		this.editor = editor;
		this.list = list;
		this.categories = categories;
		this.locales = locales;
		this.identity = identity;
		this.forms = forms;
	}

	@GetMapping("/knowledge")
	@Transactional(readOnly = true)
	String list(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) Long category,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
			@RequestParam(required = false) String locale, @RequestParam(defaultValue = "false") boolean outdated,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		user.requireAgent();
		ArticleKind kindValue = parse(ArticleKind.class, kind);
		State stateValue = parse(State.class, state);
		String localeValue = locale == null || !locales.enabled().contains(locale) ? null : locale;
		String query = q == null || q.isBlank() ? null : q.strip();
		if (query != null && query.length() > ArticleSearch.MAX_QUERY) {
			query = query.substring(0, ArticleSearch.MAX_QUERY);
		}
		PageResult<Article> articles = list.page(new ArticleList.Filter(category, kindValue, stateValue, localeValue,
				null, outdated, query), Audience.AGENT, Math.max(0, page), 25);
		model.addAttribute("articles", articles);
		model.addAttribute("rows", articles.items().stream().map(this::row).toList());
		model.addAttribute("filter", Map.of("category", category == null ? "" : String.valueOf(category), "kind",
				kindValue == null ? "" : kindValue.name(), "state", stateValue == null ? "" : stateValue.name(), "locale",
				localeValue == null ? "" : localeValue, "q", query == null ? "" : query));
		model.addAttribute("outdated", outdated);
		common(model);
		return "knowledge/list";
	}

	/** One line of the list: the article in its default locale and a chip per translation. */
	record Row(Article article, ArticleTranslation main, List<Chip> chips, String category) {
	}

	record Chip(String locale, String state, boolean outdated) {
	}

	private Row row(Article article) {
		ArticleTranslation main = article.source()
			.orElseGet(() -> article.getTranslations().isEmpty() ? null : article.getTranslations().get(0));
		List<Chip> chips = article.getTranslations().stream()
			.map(t -> new Chip(t.getLocale(), t.getState().name(), article.isOutdated(t)))
			.toList();
		String category = article.getCategory() == null ? null
				: article.getCategory().name(locales.defaultLocale(), locales.defaultLocale());
		return new Row(article, main, chips, category);
	}

	@GetMapping("/knowledge/new")
	String newArticle(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAgent();
		model.addAttribute("form", Map.of("defaultLocale", locales.defaultLocale(), "kind", "GUIDE", "visibility",
				"PUBLIC"));
		model.addAttribute("errors", Map.of());
		common(model);
		return "knowledge/new";
	}

	@PostMapping("/knowledge")
	String create(@CurrentUser AuthenticatedUser user, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		user.requireAgent();
		try {
			Article article = editor.create(new NewArticle(parse(ArticleKind.class, form.get("kind")),
					longOrNull(form.get("categoryId")), parse(Article.Visibility.class, form.get("visibility")),
					form.get("defaultLocale"), form.get("videoUrl"), null, form.get("title"), form.get("slug"),
					form.get("summary"), form.getOrDefault("body", ""), keywords(form.get("keywords")),
					State.DRAFT, null), user);
			return "redirect:/knowledge/" + article.getId() + "/" + article.getDefaultLocale();
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("form", form);
			model.addAttribute("errors", Map.of(e.field(), forms.message(e)));
			common(model);
			return "knowledge/new";
		}
	}

	@GetMapping("/knowledge/{id}/{locale}")
	@Transactional(readOnly = true)
	String edit(@CurrentUser AuthenticatedUser user, @PathVariable long id, @PathVariable String locale,
			Model model) {
		user.requireAgent();
		Article article = editor.require(id);
		String code = locales.require("locale", locale);
		Optional<ArticleTranslation> translation = article.translation(code);
		Map<String, String> form = new LinkedHashMap<>();
		ArticleTranslation from = translation.orElseGet(() -> article.source().orElse(null));
		if (from != null) {
			form.put("title", from.getTitle());
			form.put("summary", from.getSummary() == null ? "" : from.getSummary());
			form.put("keywords", from.getKeywords() == null ? "" : from.getKeywords());
			form.put("body", from.getBody());
		}
		translation.ifPresent(t -> {
			form.put("slug", t.getSlug());
			form.put("state", t.getState().name());
			form.put("version", String.valueOf(t.getVersion()));
			form.put("reviewerId", t.getReviewerId() == null ? "" : String.valueOf(t.getReviewerId()));
		});
		return editor(model, article, code, form, Map.of());
	}

	@PostMapping("/knowledge/{id}/{locale}")
	String save(@CurrentUser AuthenticatedUser user, @PathVariable long id, @PathVariable String locale,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		user.requireAgent();
		try {
			editor.write(id, locale, new TranslationInput(form.get("title"), form.get("body"), form.get("summary"),
					keywords(form.get("keywords")), parse(State.class, form.get("state")), form.get("slug"),
					longOrNull(form.get("reviewerId")), longOrNull(form.get("version"))), user);
			redirect.addFlashAttribute("notice", forms.message("knowledge.editor.saved"));
			return "redirect:/knowledge/" + id + "/" + Locales.normalize(locale);
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return editor(model, editor.require(id), locales.require("locale", locale), form,
					Map.of(e.field(), forms.message(e)));
		}
		catch (io.rapport.shared.ConflictException e) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return editor(model, editor.require(id), locales.require("locale", locale), form,
					Map.of("form", forms.message(e)));
		}
	}

	@PostMapping("/knowledge/{id}/settings")
	String settings(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		user.requireAgent();
		try {
			Long category = longOrNull(form.get("categoryId"));
			Article article = editor.change(id, new ArticleChange(parse(ArticleKind.class, form.get("kind")), category,
					parse(Article.Visibility.class, form.get("visibility")), form.get("defaultLocale"),
					form.getOrDefault("videoUrl", ""), null, longOrNull(form.get("version"))), user);
			redirect.addFlashAttribute("notice", forms.message("knowledge.settings.saved"));
			return "redirect:/knowledge/" + id + "/" + article.getDefaultLocale();
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("settingsError", forms.message(e));
			return "redirect:/knowledge/" + id + "/" + editor.require(id).getDefaultLocale();
		}
	}

	@PostMapping("/knowledge/{id}/delete")
	String delete(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAgent();
		editor.delete(id);
		redirect.addFlashAttribute("notice", forms.message("knowledge.deleted"));
		return "redirect:/knowledge";
	}

	/** The live preview: the body rendered as the help center shows it. */
	@PostMapping("/knowledge/preview")
	String preview(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "") String body, Model model) {
		user.requireAgent();
		model.addAttribute("html", Markdown.toHtml(body.length() > ArticleEditor.MAX_BODY
				? body.substring(0, ArticleEditor.MAX_BODY) : body));
		return "knowledge/fragments :: preview";
	}

	@GetMapping("/knowledge/{id}/{locale}/revisions")
	@Transactional(readOnly = true)
	String revisions(@CurrentUser AuthenticatedUser user, @PathVariable long id, @PathVariable String locale,
			@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to, Model model) {
		user.requireAgent();
		Article article = editor.require(id);
		ArticleTranslation translation = editor.translation(article, locale);
		List<Revision> revisions = editor.revisions(translation);
		model.addAttribute("article", article);
		model.addAttribute("translation", translation);
		model.addAttribute("revisions", revisions);
		int newest = revisions.isEmpty() ? 0 : revisions.get(0).getNumber();
		int toNumber = to == null ? newest : to;
		int fromNumber = from == null ? Math.max(1, toNumber - 1) : from;
		Optional<Revision> a = revisions.stream().filter(r -> r.getNumber() == fromNumber).findFirst();
		Optional<Revision> b = revisions.stream().filter(r -> r.getNumber() == toNumber).findFirst();
		model.addAttribute("from", fromNumber);
		model.addAttribute("to", toNumber);
		if (a.isPresent() && b.isPresent()) {
			model.addAttribute("titleDiff", LineDiff.between(a.get().getTitle(), b.get().getTitle()));
			model.addAttribute("summaryDiff", LineDiff.between(a.get().getSummary(), b.get().getSummary()));
			model.addAttribute("bodyDiff", LineDiff.between(a.get().getBody(), b.get().getBody()));
		}
		model.addAttribute("activeView", "knowledge");
		return "knowledge/revisions";
	}

	@PostMapping("/knowledge/{id}/{locale}/revisions/{number}/restore")
	String restore(@CurrentUser AuthenticatedUser user, @PathVariable long id, @PathVariable String locale,
			@PathVariable int number, RedirectAttributes redirect) {
		user.requireAgent();
		editor.restore(id, locale, number, user);
		redirect.addFlashAttribute("notice", forms.message("knowledge.revisions.restored", number));
		return "redirect:/knowledge/" + id + "/" + Locales.normalize(locale);
	}

	/** The ticket page's panel: published articles (internal ones too) matching the words, to insert in a reply. */
	@GetMapping("/knowledge/panel")
	@Transactional(readOnly = true)
	String panel(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String locale, Model model) {
		user.requireAgent();
		String shown = locales.readable(locale);
		var results = search.search(q, shown, Audience.AGENT, 0, 8);
		Map<Long, String> links = new LinkedHashMap<>();
		Map<Long, String> texts = new LinkedHashMap<>();
		String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
			.toUriString();
		for (var hit : results.hits()) {
			Article article = editor.require(hit.article().articleId());
			ArticleTranslation t = article.translation(hit.article().locale()).orElseThrow();
			if (!article.isInternal()) {
				links.put(article.getId(), base + KbJson.url(t));
			}
			String text = t.getTitle() + "\n\n" + Markdown.toText(t.getBody());
			texts.put(article.getId(), text.length() > 6000 ? text.substring(0, 6000) + "…" : text);
		}
		model.addAttribute("results", results);
		model.addAttribute("links", links);
		model.addAttribute("texts", texts);
		return "knowledge/fragments :: results";
	}

	@PostMapping("/knowledge/from-ticket/{ticketId}")
	String fromTicket(@CurrentUser AuthenticatedUser user, @PathVariable long ticketId, RedirectAttributes redirect) {
		user.requireAgent();
		try {
			Article article = ticketArticles.draftFrom(ticketId, user);
			redirect.addFlashAttribute("notice", forms.message("knowledge.fromTicket.created"));
			return "redirect:/knowledge/" + article.getId() + "/" + article.getDefaultLocale();
		}
		catch (io.rapport.shared.ConflictException e) {
			redirect.addFlashAttribute("error", forms.message(e));
			return "redirect:/tickets/" + ticketId;
		}
	}

	private String editor(Model model, Article article, String locale, Map<String, String> form,
			Map<String, String> errors) {
		model.addAttribute("article", article);
		model.addAttribute("locale", locale);
		model.addAttribute("translation", article.translation(locale).orElse(null));
		model.addAttribute("source", article.source().orElse(null));
		model.addAttribute("outdated", article.translation(locale).map(article::isOutdated).orElse(false));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("preview", Markdown.toHtml(form.getOrDefault("body", "")));
		Map<String, String> localeStates = new LinkedHashMap<>();
		for (String l : locales.enabled()) {
			localeStates.put(l, article.translation(l).map(t -> (article.isOutdated(t) ? "outdated " : "")
					+ t.getState().name().toLowerCase(java.util.Locale.ROOT)).orElse("missing"));
		}
		model.addAttribute("localeStates", localeStates);
		model.addAttribute("agents", identity.agents().stream().filter(a -> a.active()).toList());
		model.addAttribute("video", VideoEmbeds.embed(article.getVideoUrl()).orElse(null));
		common(model);
		return "knowledge/edit";
	}

	private void common(Model model) {
		model.addAttribute("kinds", ArticleKind.values());
		model.addAttribute("states", State.values());
		model.addAttribute("visibilities", Article.Visibility.values());
		model.addAttribute("locales", locales.enabled());
		model.addAttribute("categories", categories.all());
		model.addAttribute("defaultLocale", locales.defaultLocale());
		model.addAttribute("activeView", "knowledge");
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
	}

	private static Long longOrNull(String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	static List<String> keywords(String text) {
		return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip)
			.filter(k -> !k.isEmpty()).toList();
	}
}

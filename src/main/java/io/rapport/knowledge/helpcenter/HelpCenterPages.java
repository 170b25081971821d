package io.rapport.knowledge.helpcenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rapport.knowledge.KnowledgeApi;
import io.rapport.knowledge.KnowledgeApi.ArticlePage;
import io.rapport.knowledge.KnowledgeApi.ArticleSummary;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.knowledge.KnowledgeApi.CategoryNode;
import io.rapport.knowledge.KnowledgeApi.SearchResults;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.web.FrameSources;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public help center: home, categories, articles (with "was this helpful?") and search, server-rendered in
 * the language of the URL, for anyone. It always reads as a customer does ({@link Audience#CUSTOMER}): internal
 * articles and drafts are not found, whoever asks.
 */
@Controller
class HelpCenterPages {

	static final int PAGE_SIZE = 10;

	static final int INSTANT_SIZE = 5;

	private final KnowledgeApi knowledge;

	private final HelpCenterLook look;

	private final Readers readers;

	private final ReaderActivity activity;

	private final ArticleVotes votes;

	private final KnowledgeReports reports;

	private final SearchClicks clicks;

	private final MessageSource messages;

	HelpCenterPages(KnowledgeApi knowledge, HelpCenterLook look, Readers readers, ReaderActivity activity,
			ArticleVotes votes, KnowledgeReports reports, SearchClicks clicks, MessageSource messages) {
		this.knowledge = knowledge;
		this.look = look;
		this.readers = readers;
		this.activity = activity;
		this.votes = votes;
		this.reports = reports;
		this.clicks = clicks;
		this.messages = messages;
	}

	@GetMapping({ "/help", "/help/" })
	String start(HttpServletRequest request) {
		return "redirect:/help/" + HelpLocales.preferred(request, look.settings().defaultLocale());
	}

	@GetMapping("/help/{locale}")
	String home(@PathVariable String locale, Model model) {
		requireLocale(locale);
		List<CategoryNode> categories = knowledge.categories(locale, Audience.CUSTOMER).stream()
			.filter(c -> c.articleCount() > 0).toList();
		model.addAttribute("categories", categories);
		model.addAttribute("popular", popular(locale, categories));
		String title = look.settings().companyName();
		Map<String, String> paths = new LinkedHashMap<>();
		HelpLocales.SUPPORTED.forEach(l -> paths.put(l, HelpUrls.home(l)));
		common(model, locale, paths, new PageMeta(messages.getMessage("helpcenter.home.title",
				new Object[] { title }, locale(locale)), messages.getMessage("helpcenter.home.description",
						new Object[] { title }, locale(locale)), null, "website", List.of(), null));
		return "helpcenter/home";
	}

	@GetMapping("/help/{locale}/categories/{slug}")
	String category(@PathVariable String locale, @PathVariable String slug, Model model) {
		requireLocale(locale);
		CategoryNode category = knowledge.category(locale, slug, Audience.CUSTOMER)
			.orElseThrow(() -> NotFoundException.of("errors.not-found"));
		List<CategoryNode> tree = knowledge.categories(locale, Audience.CUSTOMER);
		model.addAttribute("category", category);
		model.addAttribute("children", category.children().stream().filter(c -> c.articleCount() > 0).toList());
		model.addAttribute("parent", parentOf(category.id(), tree).orElse(null));
		model.addAttribute("articles", knowledge.inCategory(category.id(), locale, Audience.CUSTOMER));
		Map<String, String> paths = new LinkedHashMap<>();
		for (String other : HelpLocales.SUPPORTED) {
			String otherSlug = other.equals(locale) ? slug
					: find(category.id(), knowledge.categories(other, Audience.CUSTOMER)).map(CategoryNode::slug)
						.orElse(slug);
			paths.put(other, HelpUrls.category(other, otherSlug));
		}
		common(model, locale, paths, new PageMeta(category.name(), description(category.description()), null,
				"website", List.of(), null));
		return "helpcenter/category";
	}

	@GetMapping("/help/{locale}/articles/{slug}")
	String article(@PathVariable String locale, @PathVariable String slug,
			@RequestParam(name = "sid", required = false) String searchToken, HttpServletRequest request,
			Model model) {
		requireLocale(locale);
		ArticlePage article = find(locale, slug).orElseThrow(() -> NotFoundException.of("errors.not-found"));
		Reader reader = readers.of(request);
		activity.viewed(article.articleId(), article.locale(), reader);
		clicks.verify(searchToken).ifPresent(search -> activity.clicked(search, article.articleId()));
		if (article.video() != null) {
			FrameSources.allow(request, List.of(article.video()));
		}
		showArticle(article, locale, reader, model);
		return "helpcenter/article";
	}

	@PostMapping("/help/{locale}/articles/{slug}/vote")
	String vote(@PathVariable String locale, @PathVariable String slug, @RequestParam boolean helpful,
			@RequestParam(required = false) String comment,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		requireLocale(locale);
		ArticlePage article = find(locale, slug).orElseThrow(() -> NotFoundException.of("errors.not-found"));
		String text = comment == null ? null : comment.strip();
		if (text != null && text.length() > ArticleVotes.COMMENT_LENGTH) {
			text = text.substring(0, ArticleVotes.COMMENT_LENGTH);
		}
		Reader reader = readers.identified(request, response);
		votes.vote(article.articleId(), article.locale(), helpful, text, reader);
		if (htmx != null) {
			model.addAttribute("article", article);
			model.addAttribute("vote", votes.of(article.articleId(), reader).orElse(null));
			model.addAttribute("locale", locale);
			model.addAttribute("justVoted", true);
			return "helpcenter/article :: vote";
		}
		return "redirect:" + HelpUrls.article(locale, slug) + "?voted#vote";
	}

	@GetMapping("/help/{locale}/search")
	String search(@PathVariable String locale, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		requireLocale(locale);
		String query = q.strip().length() > ReaderActivity.QUERY_LENGTH ? q.strip().substring(0, ReaderActivity.QUERY_LENGTH)
				: q.strip();
		int current = Math.max(0, Math.min(page, 100));
		model.addAttribute("q", query);
		model.addAttribute("page", current);
		if (!query.isEmpty()) {
			SearchResults results = knowledge.search(query, locale, Audience.CUSTOMER, current * PAGE_SIZE, PAGE_SIZE);
			String token = null;
			if (current == 0) {
				long id = activity.searched(query, locale, (int) Math.min(Integer.MAX_VALUE, results.total()),
						"PAGE", readers.of(request));
				token = clicks.token(id);
			}
			model.addAttribute("results", results);
			model.addAttribute("sid", token);
			model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < results.total());
			model.addAttribute("pages", (results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		}
		Map<String, String> paths = new LinkedHashMap<>();
		HelpLocales.SUPPORTED.forEach(l -> paths.put(l, HelpUrls.search(l)));
		common(model, locale, paths, new PageMeta(messages.getMessage("helpcenter.search.title", null, locale(locale)),
				null, null, "website", List.of(), null));
		return "helpcenter/search";
	}

	/** The instant results under the search box (htmx, while typing): a few hits, not logged as searches. */
	@GetMapping("/help/{locale}/search/instant")
	String instant(@PathVariable String locale, @RequestParam(defaultValue = "") String q, Model model) {
		requireLocale(locale);
		String query = q.strip();
		model.addAttribute("locale", locale);
		model.addAttribute("q", query);
		if (query.length() >= 2 && query.length() <= ReaderActivity.QUERY_LENGTH) {
			model.addAttribute("results", knowledge.search(query, locale, Audience.CUSTOMER, 0, INSTANT_SIZE));
		}
		return "helpcenter/search :: instant";
	}

	private void showArticle(ArticlePage article, String locale, Reader reader, Model model) {
		model.addAttribute("article", article);
		model.addAttribute("updated", article.updatedAt() == null ? null
				: java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(article.updatedAt().atOffset(java.time.ZoneOffset.UTC)));
		model.addAttribute("related", knowledge.related(article.articleId(), locale, 5, Audience.CUSTOMER));
		model.addAttribute("vote", votes.of(article.articleId(), reader).orElse(null));
		Map<String, String> translated = new LinkedHashMap<>(article.alternates());
		translated.put(article.locale(), article.slug());
		Map<String, String> paths = new LinkedHashMap<>();
		for (String other : HelpLocales.SUPPORTED) {
			paths.put(other, HelpUrls.article(other, translated.getOrDefault(other, article.slug())));
		}
		List<PageMeta.Alternate> alternates = new ArrayList<>();
		for (String other : HelpLocales.SUPPORTED) {
			if (translated.containsKey(other)) {
				alternates.add(new PageMeta.Alternate(other, HelpUrls.absolute(HelpUrls.article(other, translated.get(other)))));
			}
		}
		String defaultLocale = look.settings().defaultLocale();
		String xDefault = translated.containsKey(defaultLocale) ? HelpUrls.absolute(HelpUrls.article(defaultLocale,
				translated.get(defaultLocale))) : HelpUrls.absolute(HelpUrls.article(article.locale(), article.slug()));
		String canonical = HelpUrls.absolute(HelpUrls.article(article.locale(), article.slug()));
		common(model, locale, paths, new PageMeta(article.title(), description(article.summary()), canonical,
				"article", alternates, xDefault));
	}

	/** The article by a slug in this locale, or by a slug of another language shown here (with its fallback). */
	private Optional<ArticlePage> find(String locale, String slug) {
		if (slug.length() > 300) {
			return Optional.empty();
		}
		Optional<ArticlePage> found = knowledge.article(locale, slug, Audience.CUSTOMER);
		if (found.isEmpty()) {
			for (String other : HelpLocales.SUPPORTED) {
				if (!other.equals(locale)) {
					Optional<ArticlePage> elsewhere = knowledge.article(other, slug, Audience.CUSTOMER);
					if (elsewhere.isPresent()) {
						found = knowledge.article(elsewhere.get().articleId(), locale, Audience.CUSTOMER);
						break;
					}
				}
			}
		}
		return found.filter(page -> !page.internal());
	}

	private List<ArticleSummary> popular(String locale, List<CategoryNode> categories) {
		List<ArticleSummary> popular = new ArrayList<>();
		for (Long id : reports.mostViewed(30, 12)) {
			knowledge.article(id, locale, Audience.CUSTOMER).filter(page -> !page.internal())
				.ifPresent(page -> popular.add(new ArticleSummary(page.articleId(), page.locale(), page.slug(),
						page.title(), page.summary(), page.kind(), page.updatedAt())));
			if (popular.size() == 6) {
				return popular;
			}
		}
		for (CategoryNode category : categories) {
			for (ArticleSummary summary : knowledge.inCategory(category.id(), locale, Audience.CUSTOMER)) {
				if (popular.size() < 6 && popular.stream().noneMatch(p -> p.articleId() == summary.articleId())) {
					popular.add(summary);
				}
			}
		}
		return popular;
	}

	private void common(Model model, String locale, Map<String, String> paths, PageMeta meta) {
		HelpCenterSettings settings = look.settings();
		String canonical = meta.canonical() != null ? meta.canonical() : HelpUrls.absolute(paths.get(locale));
		List<PageMeta.Alternate> alternates = meta.alternates();
		String xDefault = meta.xDefault();
		if (alternates.isEmpty()) {
			alternates = paths.entrySet().stream()
				.map(e -> new PageMeta.Alternate(e.getKey(), HelpUrls.absolute(e.getValue()))).toList();
			xDefault = HelpUrls.absolute(paths.get(settings.defaultLocale()));
		}
		model.addAttribute("meta", new PageMeta(meta.title(), meta.description() != null ? meta.description()
				: messages.getMessage("helpcenter.home.description", new Object[] { settings.companyName() },
						locale(locale)), canonical, meta.ogType(), alternates, xDefault));
		model.addAttribute("hc", settings);
		model.addAttribute("ogImage", settings.hasLogo() ? HelpUrls.absolute("/help/logo?v=" + settings.logoVersion()) : null);
		model.addAttribute("locale", locale);
		model.addAttribute("switcher", paths);
	}

	static void requireLocale(String locale) {
		if (!HelpLocales.supported(locale)) {
			throw NotFoundException.of("errors.not-found");
		}
	}

	private static java.util.Locale locale(String locale) {
		return java.util.Locale.forLanguageTag(locale);
	}

	private static String description(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String plain = text.strip().replaceAll("\\s+", " ");
		return plain.length() <= 160 ? plain : plain.substring(0, 157) + "…";
	}


	private static Optional<CategoryNode> find(long id, List<CategoryNode> nodes) {
		for (CategoryNode node : nodes) {
			if (node.id() == id) {
				return Optional.of(node);
			}
			Optional<CategoryNode> inside = find(id, node.children());
			if (inside.isPresent()) {
				return inside;
			}
		}
		return Optional.empty();
	}

	private static Optional<CategoryNode> parentOf(long id, List<CategoryNode> tree) {
		return tree.stream().filter(top -> top.children().stream().anyMatch(c -> c.id() == id)).findFirst();
	}
}

package io.rapport.knowledge.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rapport.knowledge.KnowledgeApi;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base as other modules read it. Every read goes through {@link Views#readable}: customers see
 * published translations of public articles only, agents those of internal articles too, and an article without a
 * published translation in the asked locale is shown in its default locale, marked as a fallback.
 */
@Service
@Transactional(readOnly = true)
class Knowledge implements KnowledgeApi {

	private final Articles articles;

	private final Translations translations;

	private final Categories categories;

	private final Locales locales;

	private final ArticleSearch search;

	Knowledge(Articles articles, Translations translations, Categories categories, Locales locales,
			ArticleSearch search) {
		this.articles = articles;
		this.translations = translations;
		this.categories = categories;
		this.locales = locales;
		this.search = search;
	}

	@Override
	public List<CategoryNode> categories(String locale, Audience audience) {
		String fallback = locales.defaultLocale();
		Map<Long, Long> counts = new HashMap<>();
		for (Object[] row : translations.readableCountsByCategory(audience == Audience.AGENT)) {
			counts.put((Long) row[0], (Long) row[1]);
		}
		List<Category> all = categories.findAllByOrderByPositionAscIdAsc();
		List<CategoryNode> roots = new ArrayList<>();
		for (Category top : all) {
			if (top.getParent() == null) {
				roots.add(node(top, all, counts, locale, fallback));
			}
		}
		return roots;
	}

	private static CategoryNode node(Category category, List<Category> all, Map<Long, Long> counts, String locale,
			String fallback) {
		List<CategoryNode> children = all.stream()
			.filter(c -> category.getId().equals(c.getParentId()))
			.map(c -> node(c, all, counts, locale, fallback))
			.toList();
		long count = counts.getOrDefault(category.getId(), 0L)
				+ children.stream().mapToLong(CategoryNode::articleCount).sum();
		return new CategoryNode(category.getId(), category.getSlug(), category.name(locale, fallback),
				category.description(locale, fallback), category.getPosition(), count, children);
	}

	@Override
	public Optional<CategoryNode> category(String locale, String slug, Audience audience) {
		return find(categories(locale, audience), slug);
	}

	private static Optional<CategoryNode> find(List<CategoryNode> nodes, String slug) {
		for (CategoryNode node : nodes) {
			if (node.slug().equals(slug)) {
				return Optional.of(node);
			}
			Optional<CategoryNode> child = find(node.children(), slug);
			if (child.isPresent()) {
				return child;
			}
		}
		return Optional.empty();
	}

	@Override
	public Optional<ArticlePage> article(String locale, String slug, Audience audience) {
		if (slug == null || slug.length() > 200) {
			return Optional.empty();
		}
		List<ArticleTranslation> bySlug = new ArrayList<>(translations.findBySlug(slug));
		bySlug.sort(Comparator.comparing((ArticleTranslation t) -> !t.getLocale().equals(locale)));
		for (ArticleTranslation candidate : bySlug) {
			Optional<ArticlePage> page = page(candidate.getArticle(), locale, audience);
			if (page.isPresent()) {
				return page;
			}
		}
		return Optional.empty();
	}

	@Override
	public Optional<ArticlePage> article(long articleId, String locale, Audience audience) {
		return articles.findById(articleId).flatMap(article -> page(article, locale, audience));
	}

	private Optional<ArticlePage> page(Article article, String locale, Audience audience) {
		List<String> enabled = locales.enabled();
		return Views.readable(article, locale, audience, enabled).map(shown -> {
			Map<String, String> alternates = new LinkedHashMap<>();
			article.getTranslations().stream()
				.filter(ArticleTranslation::isPublished)
				.filter(t -> !t.getLocale().equals(shown.getLocale()))
				.sorted(Comparator.comparingInt(t -> enabled.indexOf(t.getLocale()) < 0 ? 99
						: enabled.indexOf(t.getLocale())))
				.forEach(t -> alternates.put(t.getLocale(), t.getSlug()));
			String video = VideoEmbeds.embed(article.getVideoUrl()).orElse(null);
			return new ArticlePage(article.getId(), shown.getLocale(), locale, !shown.getLocale().equals(locale),
					shown.getSlug(), shown.getTitle(), shown.getSummary(), Markdown.toHtml(shown.getBody()),
					article.getKind().name(), article.isInternal(), breadcrumbs(article.getCategory(), locale),
					alternates, video, shown.getUpdatedAt());
		});
	}

	private List<CategoryNode> breadcrumbs(Category category, String locale) {
		if (category == null) {
			return List.of();
		}
		String fallback = locales.defaultLocale();
		List<CategoryNode> path = new ArrayList<>();
		for (Category c = category; c != null; c = c.getParent()) {
			path.add(0, new CategoryNode(c.getId(), c.getSlug(), c.name(locale, fallback),
					c.description(locale, fallback), c.getPosition(), 0, List.of()));
		}
		return path;
	}

	@Override
	public List<ArticleSummary> inCategory(long categoryId, String locale, Audience audience) {
		List<String> enabled = locales.enabled();
		return articles.inCategory(categoryId).stream()
			.flatMap(article -> Views.readable(article, locale, audience, enabled).stream())
			.map(Views::summary)
			.toList();
	}

	@Override
	public List<ArticleSummary> related(long articleId, String locale, int limit, Audience audience) {
		List<String> enabled = locales.enabled();
		return articles.findById(articleId)
			.flatMap(article -> Views.readable(article, locale, audience, enabled))
			.map(shown -> search.related(shown, locale, Math.max(0, Math.min(limit, 50)), audience))
			.orElse(List.of());
	}

	@Override
	public SearchResults search(String query, String locale, Audience audience, int offset, int limit) {
		return search.search(query, locale, audience, offset, Math.max(0, Math.min(limit, 100)));
	}

	@Override
	public List<ArticleSummary> suggest(String text, String locale, int limit) {
		return search.search(text, locale, Audience.CUSTOMER, 0, Math.max(0, Math.min(limit, 20))).hits().stream()
			.map(SearchHit::article)
			.toList();
	}

	@Override
	public List<SitemapEntry> sitemap() {
		Map<Long, List<ArticleTranslation>> byArticle = new LinkedHashMap<>();
		for (ArticleTranslation t : translations.publishedPublic()) {
			byArticle.computeIfAbsent(t.getArticle().getId(), id -> new ArrayList<>()).add(t);
		}
		List<SitemapEntry> entries = new ArrayList<>();
		byArticle.forEach((articleId, published) -> {
			for (ArticleTranslation t : published) {
				Map<String, String> alternates = new LinkedHashMap<>();
				published.stream().filter(o -> o != t).forEach(o -> alternates.put(o.getLocale(), o.getSlug()));
				entries.add(new SitemapEntry(articleId, t.getLocale(), t.getSlug(), t.getUpdatedAt(), alternates));
			}
		});
		return entries;
	}
}

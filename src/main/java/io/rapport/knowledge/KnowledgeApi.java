package io.rapport.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the help center, the portal, the agent workspace and other modules read of the knowledge base. Every method
 * takes the {@link Audience}: {@link Audience#CUSTOMER} (anonymous visitors and signed-in contacts) sees published
 * public translations only; {@link Audience#AGENT} sees internal articles too, and drafts where it says so.
 * An article asked for in a locale it has no published translation in falls back to its default locale, and says
 * so ({@link ArticlePage#fallback()}).
 */
public interface KnowledgeApi {

	enum Audience {
		CUSTOMER, AGENT
	}

	/**
	 * The category tree (two levels, ordered) with the number of articles the audience can read in each; a top
	 * category's count includes its subcategories' articles.
	 */
	List<CategoryNode> categories(String locale, Audience audience);

	Optional<CategoryNode> category(String locale, String slug, Audience audience);

	/** A published article by the slug of one of its translations in {@code locale}. */
	Optional<ArticlePage> article(String locale, String slug, Audience audience);

	Optional<ArticlePage> article(long articleId, String locale, Audience audience);

	/** The articles of a category, in its order, in {@code locale} (or the fallback). */
	List<ArticleSummary> inCategory(long categoryId, String locale, Audience audience);

	/** Up to {@code limit} articles close to this one (same category, shared keywords), never itself. */
	List<ArticleSummary> related(long articleId, String locale, int limit, Audience audience);

	/** Full-text search, results in {@code locale} first, each with a highlighted snippet (sanitized HTML). */
	SearchResults search(String query, String locale, Audience audience, int offset, int limit);

	/** Published public articles matching what a customer is writing (a ticket subject), for deflection. */
	List<ArticleSummary> suggest(String text, String locale, int limit);

	/** Every published public translation, for sitemap.xml, with the other locales of the same article. */
	List<SitemapEntry> sitemap();

	record CategoryNode(long id, String slug, String name, String description, int position, long articleCount,
			List<CategoryNode> children) {
	}

	record ArticleSummary(long articleId, String locale, String slug, String title, String summary, String kind,
			Instant updatedAt) {
	}

	/**
	 * A translation ready to show. {@code html} is the rendered and sanitized body; {@code requestedLocale} is what
	 * was asked for, {@code locale} what is shown ({@code fallback} when they differ); {@code alternates} maps each
	 * other locale with a published translation to its slug (for hreflang and the locale switcher);
	 * {@code breadcrumbs} are the category path, top first; {@code video} the embed URL of a video article, checked
	 * against the allow-list, or null.
	 */
	record ArticlePage(long articleId, String locale, String requestedLocale, boolean fallback, String slug,
			String title, String summary, String html, String kind, boolean internal, List<CategoryNode> breadcrumbs,
			Map<String, String> alternates, String video, Instant updatedAt) {
	}

	record SearchHit(ArticleSummary article, String snippetHtml, float score) {
	}

	record SearchResults(String query, String locale, long total, List<SearchHit> hits) {
	}

	record SitemapEntry(long articleId, String locale, String slug, Instant updatedAt, Map<String, String> alternates) {
	}
}

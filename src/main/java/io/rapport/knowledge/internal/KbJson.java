package io.rapport.knowledge.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The API's shapes of the knowledge base. Customers and anonymous callers get the same shapes with the editors'
 * working data left out (authors, reviewers, revisions, drafts, Markdown sources, versions).
 */
final class KbJson {

	private KbJson() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ArticleJson(long id, String kind, Long categoryId, String visibility, String defaultLocale,
			String videoUrl, String video, Integer position, Long sourceTicketId, Long version, Instant createdAt,
			Instant updatedAt, List<TranslationJson> translations) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TranslationJson(String locale, String title, String slug, String summary, String body, String html,
			List<String> keywords, String state, Long authorId, Long reviewerId, Integer revision,
			Integer sourceRevision, Boolean outdated, Long version, Instant createdAt, Instant updatedAt,
			Instant publishedAt, String url) {
	}

	record RevisionJson(int number, String title, String summary, String body, List<String> keywords, String state,
			Long authorId, String authorName, Instant createdAt) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CategoryJson(long id, String slug, Long parentId, int position, String name, String description,
			Long articleCount, Map<String, String> names, Map<String, String> descriptions, Long version,
			List<CategoryJson> children) {
	}

	/** The help center's address of a translation. */
	static String url(ArticleTranslation t) {
		return "/help/" + t.getLocale() + "/articles/" + t.getSlug();
	}

	static ArticleJson article(Article a, boolean agent, boolean withBodies) {
		List<TranslationJson> translations = a.getTranslations().stream()
			.filter(t -> agent || t.isPublished())
			.map(t -> translation(a, t, agent, withBodies))
			.toList();
		String video = VideoEmbeds.embed(a.getVideoUrl()).orElse(null);
		return agent
				? new ArticleJson(a.getId(), a.getKind().name(), a.getCategoryId(), a.getVisibility().name(),
						a.getDefaultLocale(), a.getVideoUrl(), video, a.getPosition(), a.getSourceTicketId(),
						a.getVersion(), a.getCreatedAt(), a.getUpdatedAt(), translations)
				: new ArticleJson(a.getId(), a.getKind().name(), a.getCategoryId(), null, a.getDefaultLocale(), null,
						video, null, null, null, a.getCreatedAt(), a.getUpdatedAt(), translations);
	}

	static TranslationJson translation(Article a, ArticleTranslation t, boolean agent, boolean withBodies) {
		String html = withBodies ? Markdown.toHtml(t.getBody()) : null;
		if (!agent) {
			return new TranslationJson(t.getLocale(), t.getTitle(), t.getSlug(), t.getSummary(), null, html,
					t.keywordList(), null, null, null, null, null, null, null, null, t.getUpdatedAt(),
					t.getPublishedAt(), url(t));
		}
		return new TranslationJson(t.getLocale(), t.getTitle(), t.getSlug(), t.getSummary(),
				withBodies ? t.getBody() : null, html, t.keywordList(), t.getState().name(), t.getAuthorId(),
				t.getReviewerId(), t.getRevision(), t.getSourceRevision(), a.isOutdated(t), t.getVersion(),
				t.getCreatedAt(), t.getUpdatedAt(), t.getPublishedAt(), url(t));
	}

	static RevisionJson revision(Revision r) {
		List<String> keywords = r.getKeywords() == null ? List.of()
				: java.util.Arrays.stream(r.getKeywords().split(",")).map(String::strip).filter(k -> !k.isEmpty())
					.toList();
		return new RevisionJson(r.getNumber(), r.getTitle(), r.getSummary(), r.getBody(), keywords,
				r.getState().name(), r.getAuthorId(), r.getAuthorName(), r.getCreatedAt());
	}

	static CategoryJson category(Category c, String locale, String fallback, Long count, boolean agent,
			List<CategoryJson> children) {
		Map<String, String> names = null;
		Map<String, String> descriptions = null;
		if (agent) {
			names = new LinkedHashMap<>();
			descriptions = new LinkedHashMap<>();
			for (Map.Entry<String, Category.Name> e : c.getNames().entrySet()) {
				names.put(e.getKey(), e.getValue().getName());
				if (e.getValue().getDescription() != null) {
					descriptions.put(e.getKey(), e.getValue().getDescription());
				}
			}
		}
		return new CategoryJson(c.getId(), c.getSlug(), c.getParentId(), c.getPosition(), c.name(locale, fallback),
				c.description(locale, fallback), count, names, descriptions, agent ? c.getVersion() : null, children);
	}
}

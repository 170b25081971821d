package io.rapport.knowledge.internal;

import java.util.List;
import java.util.Optional;

import io.rapport.knowledge.KnowledgeApi.ArticleSummary;
import io.rapport.knowledge.KnowledgeApi.Audience;

/** Turns entities into what {@code KnowledgeApi} answers, and chooses the translation a reader sees. */
final class Views {

	private Views() {
	}

	static ArticleSummary summary(ArticleTranslation t) {
		return new ArticleSummary(t.getArticle().getId(), t.getLocale(), t.getSlug(), t.getTitle(),
				t.getSummary() != null && !t.getSummary().isBlank() ? t.getSummary()
						: Markdown.excerpt(t.getBody(), 200),
				t.getArticle().getKind().name(), t.getUpdatedAt());
	}

	/** Whether the audience may read this article at all (customers: public ones only). */
	static boolean visible(Article article, Audience audience) {
		return audience == Audience.AGENT || !article.isInternal();
	}

	/**
	 * The published translation a reader of {@code locale} sees: that locale's, else the default locale's, else the
	 * first published in the order of {@code locales}. Empty when the audience may not read the article.
	 */
	static Optional<ArticleTranslation> readable(Article article, String locale, Audience audience,
			List<String> locales) {
		if (!visible(article, audience)) {
			return Optional.empty();
		}
		Optional<ArticleTranslation> own = article.translation(locale).filter(ArticleTranslation::isPublished);
		if (own.isPresent()) {
			return own;
		}
		Optional<ArticleTranslation> source = article.source().filter(ArticleTranslation::isPublished);
		if (source.isPresent()) {
			return source;
		}
		return article.getTranslations().stream().filter(ArticleTranslation::isPublished)
			.min(java.util.Comparator.comparingInt(t -> {
				int i = locales.indexOf(t.getLocale());
				return i < 0 ? Integer.MAX_VALUE : i;
			}));
	}
}

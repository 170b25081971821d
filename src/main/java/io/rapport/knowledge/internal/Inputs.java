package io.rapport.knowledge.internal;

import java.util.List;
import java.util.Map;

import io.rapport.knowledge.ArticleKind;

/** What editors send: through the API (JSON) and the pages (forms) alike. */
public final class Inputs {

	private Inputs() {
	}

	/**
	 * A new article with its first translation, in {@code defaultLocale} (the knowledge base's default when left
	 * out). {@code visibility} defaults to PUBLIC, {@code state} to DRAFT, {@code kind} to GUIDE.
	 */
	public record NewArticle(ArticleKind kind, Long categoryId, Article.Visibility visibility, String defaultLocale,
			String videoUrl, Integer position, String title, String slug, String summary, String body,
			List<String> keywords, ArticleTranslation.State state, Long reviewerId) {
	}

	/** A change of an article; what is left out stays. {@code videoUrl: ""} removes the video. */
	public record ArticleChange(ArticleKind kind, Long categoryId, Article.Visibility visibility,
			String defaultLocale, String videoUrl, Integer position, Long version) {
	}

	/**
	 * A translation written or replaced. {@code slug} is made from the title when left out (and kept when the
	 * translation has one); {@code version} guards against overwriting someone else's save.
	 */
	public record TranslationInput(String title, String body, String summary, List<String> keywords,
			ArticleTranslation.State state, String slug, Long reviewerId, Long version) {
	}

	/** A category: names per locale (the default locale's required on creation), an optional parent and slug. */
	public record CategoryInput(Map<String, String> names, Map<String, String> descriptions, Long parentId,
			Integer position, String slug, Long version) {
	}
}

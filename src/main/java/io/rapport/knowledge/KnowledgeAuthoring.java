package io.rapport.knowledge;

import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;

/**
 * Writing the knowledge base from another module (the demo company's help center): the same checks, slugs,
 * revisions and indexing as the editor's pages and API, without a request.
 */
public interface KnowledgeAuthoring {

	/** A category: names (and descriptions) per locale, the default locale's name required; top level without parent. */
	record NewCategory(String slug, Long parentId, int position, Map<String, String> names,
			Map<String, String> descriptions) {
	}

	/** An article with its first translation in {@code locale}; {@code internal} ones are read by agents only. */
	record NewArticle(ArticleKind kind, long categoryId, boolean internal, String videoUrl, int position,
			String locale, String title, String summary, String body, List<String> keywords, boolean published) {
	}

	/** Whether the knowledge base has any article yet. */
	boolean hasArticles();

	long createCategory(NewCategory category);

	long createArticle(NewArticle article, AuthenticatedUser by);

	/** Writes and publishes the article's translation in {@code locale}. */
	void publishTranslation(long articleId, String locale, String title, String summary, String body,
			List<String> keywords, AuthenticatedUser by);
}

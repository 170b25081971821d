package io.rapport.knowledge.internal;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.knowledge.KnowledgeAuthoring;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link KnowledgeAuthoring} over the editor's services. */
@Service
@Transactional
class Authoring implements KnowledgeAuthoring {

	private final ArticleEditor editor;

	private final CategoryAdmin categories;

	private final Articles articles;

	Authoring(ArticleEditor editor, CategoryAdmin categories, Articles articles) {
		this.editor = editor;
		this.categories = categories;
		this.articles = articles;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasArticles() {
		return articles.count() > 0;
	}

	@Override
	public long createCategory(NewCategory category) {
		return categories.create(new Inputs.CategoryInput(category.names(), category.descriptions(),
				category.parentId(), category.position(), category.slug(), null)).getId();
	}

	@Override
	public long createArticle(NewArticle article, AuthenticatedUser by) {
		return editor.create(new Inputs.NewArticle(article.kind(), article.categoryId(),
				article.internal() ? Article.Visibility.INTERNAL : Article.Visibility.PUBLIC, article.locale(),
				article.videoUrl(), article.position(), article.title(), null, article.summary(), article.body(),
				article.keywords(), article.published() ? ArticleTranslation.State.PUBLISHED
						: ArticleTranslation.State.DRAFT, null), by).getId();
	}

	@Override
	public void publishTranslation(long articleId, String locale, String title, String summary, String body,
			List<String> keywords, AuthenticatedUser by) {
		editor.write(articleId, locale, new Inputs.TranslationInput(title, body, summary, keywords,
				ArticleTranslation.State.PUBLISHED, null, null, null), by);
	}
}

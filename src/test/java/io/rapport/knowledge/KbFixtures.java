package io.rapport.knowledge;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.knowledge.internal.Article;
import io.rapport.knowledge.internal.ArticleEditor;
import io.rapport.knowledge.internal.ArticleTranslation.State;
import io.rapport.knowledge.internal.CategoryAdmin;
import io.rapport.knowledge.internal.Inputs;

import org.springframework.stereotype.Component;

/** Articles with intent for the knowledge base's tests, written through the editor as agents write them. */
@Component
public class KbFixtures {

	private final ArticleEditor editor;

	private final CategoryAdmin categories;

	KbFixtures(ArticleEditor editor, CategoryAdmin categories) {
		this.editor = editor;
		this.categories = categories;
	}

	public long aPublishedArticle(AuthenticatedUser by, String locale, String title, String body) {
		return anArticle(by, locale, title, body, State.PUBLISHED, Article.Visibility.PUBLIC);
	}

	public long anArticle(AuthenticatedUser by, String locale, String title, String body, State state,
			Article.Visibility visibility) {
		return editor.create(new Inputs.NewArticle(ArticleKind.GUIDE, null, visibility, locale, null, null, title,
				null, null, body, List.of(), state, null), by).getId();
	}

	public long inCategory(AuthenticatedUser by, long categoryId, String title, State state,
			Article.Visibility visibility) {
		return editor.create(new Inputs.NewArticle(ArticleKind.FAQ, categoryId, visibility, "en", null, null, title,
				null, null, "The answer to " + title, List.of(), state, null), by).getId();
	}

	public void translate(AuthenticatedUser by, long articleId, String locale, String title, String body,
			State state) {
		editor.write(articleId, locale, new Inputs.TranslationInput(title, body, null, null, state, null, null, null),
				by);
	}

	public long aCategory(String name, Long parentId) {
		return categories.create(new Inputs.CategoryInput(java.util.Map.of("en", name), null, parentId, null, null,
				null)).getId();
	}
}

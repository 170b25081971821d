package io.rapport.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.rapport.shared.search.SearchLanguages;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * The search document of a translation. Its text goes into the fields of its language only ({@code title_ro},
 * {@code body_ro}…, analyzed by the {@code ro} analyzer; a locale without an analyzer of its own into
 * {@code title_any}…), so that each language is stemmed its own way and a query can favour the asked locale. The
 * body is indexed as text, its Markdown stripped. Keyword fields filter: {@code locale}, {@code state},
 * {@code visibility}, {@code kind}, {@code category}, and {@code article} (the article's id).
 * <p>
 * The text fields are only searched: neither stored nor with term vectors. Search reads a hit's article and locale
 * from the index (both projectable, so one hit per article is chosen without loading translations) and marks the
 * snippets of the page shown from the translations it loads ({@code LocalizedQuery.highlight}). Storing every text
 * with its term vectors made most of a reindex's cost (compressing and merging them; docs/benchmarks.md).
 */
public class TranslationBinder implements TypeBinder {

	/** The text fields of every language, in the order of their weight. */
	public static final List<String> TEXT_FIELDS = List.of("title", "keywords", "summary", "body");

	/** Every language a field exists for: the analyzed ones and {@link SearchLanguages#ANY}. */
	public static final List<String> LANGUAGES = Stream.concat(SearchLanguages.ANALYZED.stream(),
			Stream.of(SearchLanguages.ANY)).toList();

	@Override
	public void bind(TypeBindingContext context) {
		context.dependencies().use("locale").use("title").use("summary").use("body").use("keywords").use("state")
			.use("article.visibility").use("article.kind").use("article.category");
		IndexSchemaElement schema = context.indexSchemaElement();
		Map<String, IndexFieldReference<String>> text = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			for (String field : TEXT_FIELDS) {
				text.put(field + "_" + language, schema.field(field + "_" + language, f -> f.asString()
					.analyzer(language)
					.projectable(Projectable.NO)
					.highlightable(List.of(Highlightable.NO))).toReference());
			}
		}
		Keywords keywords = new Keywords(
				schema.field("locale", f -> f.asString().projectable(Projectable.YES)).toReference(),
				schema.field("state", f -> f.asString()).toReference(),
				schema.field("visibility", f -> f.asString()).toReference(),
				schema.field("kind", f -> f.asString()).toReference(),
				schema.field("category", f -> f.asString()).toReference(),
				schema.field("article", f -> f.asLong().projectable(Projectable.YES)).toReference());
		context.bridge(ArticleTranslation.class, new Bridge(text, keywords));
	}

	record Keywords(IndexFieldReference<String> locale, IndexFieldReference<String> state,
			IndexFieldReference<String> visibility, IndexFieldReference<String> kind,
			IndexFieldReference<String> category, IndexFieldReference<Long> article) {
	}

	private record Bridge(Map<String, IndexFieldReference<String>> text, Keywords keywords)
			implements TypeBridge<ArticleTranslation> {

		@Override
		public void write(DocumentElement target, ArticleTranslation translation, TypeBridgeWriteContext context) {
			String language = SearchLanguages.analyzerFor(translation.getLocale());
			target.addValue(text.get("title_" + language), translation.getTitle());
			target.addValue(text.get("keywords_" + language),
					String.join(" ", translation.keywordList()));
			if (translation.getSummary() != null) {
				target.addValue(text.get("summary_" + language), translation.getSummary());
			}
			target.addValue(text.get("body_" + language), Markdown.toText(translation.getBody()));
			Article article = translation.getArticle();
			target.addValue(keywords.locale(), translation.getLocale());
			target.addValue(keywords.state(), translation.getState().name());
			target.addValue(keywords.visibility(), article.getVisibility().name());
			target.addValue(keywords.kind(), article.getKind().name());
			if (article.getCategory() != null) {
				target.addValue(keywords.category(), String.valueOf(article.getCategory().getId()));
			}
			target.addValue(keywords.article(), article.getId());
		}
	}
}

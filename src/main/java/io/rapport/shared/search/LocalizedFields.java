package io.rapport.shared.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;

/**
 * The index fields of one text under the per-locale convention, for a type or property binder: {@code <base>_<L>}
 * for every analyzed language L and {@code any}, each analyzed by analyzer L. A document writes its text into the
 * field of its own language only ({@link #write}); {@link LocalizedQuery} searches them all.
 *
 * <pre>
 * // in a TypeBinder's bind(context):
 * LocalizedFields title = LocalizedFields.declare(context.indexSchemaElement(), "title", true);
 * context.bridge(Doc.class, (target, doc, ctx) -&gt; title.write(target, doc.getLocale(), doc.getTitle()));
 * </pre>
 */
public final class LocalizedFields {

	private final String base;

	private final Map<String, IndexFieldReference<String>> fields;

	private LocalizedFields(String base, Map<String, IndexFieldReference<String>> fields) {
		this.base = base;
		this.fields = fields;
	}

	/**
	 * Declares {@code <base>_<L>} for every language. {@code highlighted}: the text is stored too (projectable),
	 * so a highlight projection can show snippets of it on both backends.
	 */
	public static LocalizedFields declare(IndexSchemaElement schema, String base, boolean highlighted) {
		Map<String, IndexFieldReference<String>> fields = new LinkedHashMap<>();
		for (String language : languages()) {
			fields.put(language, schema.field(LocalizedQuery.fieldName(base, language), f -> {
				var type = f.asString().analyzer(language);
				if (highlighted) {
					type.projectable(Projectable.YES).highlightable(List.of(Highlightable.UNIFIED));
				}
				return type;
			}).toReference());
		}
		return new LocalizedFields(base, fields);
	}

	/** Writes {@code text} into the field of the locale's language ({@code any} for another language). */
	public void write(DocumentElement target, String locale, String text) {
		if (text != null && !text.isBlank()) {
			target.addValue(fields.get(SearchLanguages.analyzerFor(locale)), text);
		}
	}

	/** The field name of this text in a locale's language: what a highlight projection asks for. */
	public String fieldFor(String locale) {
		return LocalizedQuery.fieldName(base, SearchLanguages.analyzerFor(locale));
	}

	/** Every language with a field: the analyzed ones, then {@code any}. */
	public static List<String> languages() {
		List<String> all = new ArrayList<>(SearchLanguages.ANALYZED);
		all.add(SearchLanguages.ANY);
		return List.copyOf(all);
	}

}

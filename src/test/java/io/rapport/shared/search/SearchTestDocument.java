package io.rapport.shared.search;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

/**
 * Tests only: a text in one locale, indexed under the per-locale convention ({@link LocalizedFields}), so the
 * search layer is tested without the modules that use it (table from a test migration).
 */
@Entity
@Table(name = "search_test_documents")
@Indexed(index = "search-test-documents")
@TypeBinding(binder = @TypeBinderRef(type = SearchTestDocument.Binder.class))
public class SearchTestDocument {

	@Id
	private Long id;

	private String locale;

	private String title;

	private String body;

	protected SearchTestDocument() {
	}

	public SearchTestDocument(long id, String locale, String title, String body) {
		this.id = id;
		this.locale = locale;
		this.title = title;
		this.body = body;
	}

	public Long getId() {
		return id;
	}

	public String getLocale() {
		return locale;
	}

	public String getTitle() {
		return title;
	}

	public String getBody() {
		return body;
	}

	public static class Binder implements TypeBinder {

		@Override
		public void bind(TypeBindingContext context) {
			context.dependencies().use("locale").use("title").use("body");
			LocalizedFields title = LocalizedFields.declare(context.indexSchemaElement(), "title", true);
			LocalizedFields body = LocalizedFields.declare(context.indexSchemaElement(), "body", true);
			context.bridge(SearchTestDocument.class, (target, doc, ctx) -> {
				title.write(target, doc.getLocale(), doc.getTitle());
				body.write(target, doc.getLocale(), doc.getBody());
			});
		}

	}

}

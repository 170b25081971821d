package io.rapport.knowledge.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A category of the knowledge base: top level, or under a top-level category (two levels, no deeper). Its name
 * and description are kept per locale, as admins of a multilingual help center name it once and translate it;
 * a locale without a name of its own reads the default locale's.
 */
@Entity
@Table(name = "kb_categories")
public class Category {

	@Id
	@GeneratedValue(generator = "kb_categories_seq")
	@SequenceGenerator(name = "kb_categories_seq", sequenceName = "kb_categories_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private Category parent;

	private String slug;

	private int position;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "kb_category_names", joinColumns = @JoinColumn(name = "category_id"))
	@MapKeyColumn(name = "locale")
	private Map<String, Name> names = new LinkedHashMap<>();

	@Version
	private long version;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Category() {
	}

	Category(String slug, Category parent, int position, Instant now) {
		this.slug = slug;
		this.parent = parent;
		this.position = position;
		this.createdAt = now;
	}

	@Embeddable
	public static class Name {

		private String name;

		private String description;

		protected Name() {
		}

		Name(String name, String description) {
			this.name = name;
			this.description = description;
		}

		public String getName() {
			return name;
		}

		public String getDescription() {
			return description;
		}
	}

	public Long getId() {
		return id;
	}

	public Category getParent() {
		return parent;
	}

	public Long getParentId() {
		return parent == null ? null : parent.getId();
	}

	public String getSlug() {
		return slug;
	}

	public int getPosition() {
		return position;
	}

	public long getVersion() {
		return version;
	}

	public Map<String, Name> getNames() {
		return names;
	}

	/** The name in {@code locale}, else in {@code fallback}, else any. */
	public String name(String locale, String fallback) {
		return pick(locale, fallback).getName();
	}

	public String description(String locale, String fallback) {
		return pick(locale, fallback).getDescription();
	}

	private Name pick(String locale, String fallback) {
		Name name = names.get(locale);
		if (name == null) {
			name = names.get(fallback);
		}
		return name != null ? name : names.values().stream().findFirst().orElse(new Name(slug, null));
	}

	void name(String locale, String name, String description) {
		if (name == null || name.isBlank()) {
			names.remove(locale);
		}
		else {
			names.put(locale, new Name(name.strip(), description == null || description.isBlank() ? null
					: description.strip()));
		}
	}

	void moveTo(Category parent, int position) {
		this.parent = parent;
		this.position = position;
	}

	void reslug(String slug) {
		this.slug = slug;
	}
}

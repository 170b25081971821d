package io.rapport.shared.search;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A group of equivalent terms in one locale: one row of {@code search_synonyms}, terms one per line. */
@Entity
@Table(name = "search_synonyms")
class SearchSynonym {

	@Id
	@GeneratedValue(generator = "search_synonyms_seq")
	@SequenceGenerator(name = "search_synonyms_seq", sequenceName = "search_synonyms_seq", allocationSize = 50)
	private Long id;

	private String locale;

	private String terms;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected SearchSynonym() {
	}

	SearchSynonym(String locale, List<String> terms, Instant now) {
		this.locale = locale;
		this.createdAt = now;
		change(terms, now);
	}

	void change(List<String> terms, Instant now) {
		this.terms = String.join("\n", terms);
		this.updatedAt = now;
	}

	Long getId() {
		return id;
	}

	String getLocale() {
		return locale;
	}

	List<String> getTerms() {
		return terms.lines().map(String::strip).filter(t -> !t.isEmpty()).toList();
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

}

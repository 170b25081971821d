package io.rapport.shared.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.rapport.shared.Reread;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The synonym groups admins keep per locale (Admin → Search), read by every search at query time through
 * {@link #of(String)}: no reindexing, the same on both backends. Groups are cached per locale; an edit on this
 * node clears the cache at once ({@link Reread}), an edit on another node is seen within {@link #REFRESH}.
 */
@Service
public class SearchSynonyms {

	/** How long a node keeps a locale's groups before it reads them again. */
	static final Duration REFRESH = Duration.ofSeconds(30);

	/** The most terms in one group, and the longest term. */
	public static final int MAX_TERMS = 20;

	public static final int MAX_TERM_LENGTH = 60;

	private final SearchSynonymRecords records;

	private final Clock clock;

	private final Map<String, Reread<Synonyms>> cache = new ConcurrentHashMap<>();

	SearchSynonyms(SearchSynonymRecords records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	/** The synonyms of a locale's language (the groups of {@code zh} for {@code zh-Hans}). */
	public Synonyms of(String locale) {
		String language = SearchLanguages.analyzerFor(locale);
		return cached(language).get();
	}

	private Reread<Synonyms> cached(String language) {
		return cache.computeIfAbsent(language, l -> new Reread<>(() -> {
			List<List<String>> groups = new ArrayList<>();
			for (SearchSynonym row : records.findByLocaleOrderByIdAsc(l)) {
				groups.add(row.getTerms());
			}
			return Synonyms.of(groups);
		}, REFRESH, clock));
	}

	/** The groups of a language, as admins edit them. */
	@Transactional(readOnly = true)
	public List<Group> list(String language) {
		return records.findByLocaleOrderByIdAsc(language).stream().map(SearchSynonyms::view).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Group> find(long id) {
		return records.findById(id).map(SearchSynonyms::view);
	}

	/** A new group; {@link #terms(String)} first, which says what is wrong with the text typed. */
	@Transactional
	public Group add(String language, List<String> terms) {
		requireLanguage(language);
		SearchSynonym row = records.save(new SearchSynonym(language, checked(terms), clock.instant()));
		cached(language).forget();
		return view(row);
	}

	@Transactional
	public Optional<Group> change(long id, List<String> terms) {
		Optional<SearchSynonym> row = records.findById(id);
		row.ifPresent(r -> {
			r.change(checked(terms), clock.instant());
			cached(r.getLocale()).forget();
		});
		return row.map(SearchSynonyms::view);
	}

	@Transactional
	public boolean delete(long id) {
		Optional<SearchSynonym> row = records.findById(id);
		row.ifPresent(r -> {
			records.delete(r);
			cached(r.getLocale()).forget();
		});
		return row.isPresent();
	}

	/**
	 * The terms of a text typed by an admin: one per line or separated by commas, trimmed, inner spaces collapsed,
	 * duplicates (compared lowercased, accents folded) dropped. Throws {@link InvalidTerms} with the reason.
	 */
	public static List<String> terms(String text) {
		Set<String> keys = new LinkedHashSet<>();
		List<String> terms = new ArrayList<>();
		for (String part : (text == null ? "" : text).split("[\\n,;，、]")) {
			// the same cleaning as a query's words, so a term can be matched by what people type
			String term = String.join(" ", LocalizedQuery.words(part));
			if (term.isEmpty()) {
				continue;
			}
			if (term.length() > MAX_TERM_LENGTH) {
				throw new InvalidTerms("search.synonyms.error.termTooLong", MAX_TERM_LENGTH);
			}
			if (keys.add(Synonyms.key(term))) {
				terms.add(term);
			}
		}
		if (terms.size() < 2) {
			throw new InvalidTerms("search.synonyms.error.tooFew", 2);
		}
		if (terms.size() > MAX_TERMS) {
			throw new InvalidTerms("search.synonyms.error.tooMany", MAX_TERMS);
		}
		return terms;
	}

	private static List<String> checked(List<String> terms) {
		return terms(String.join("\n", terms));
	}

	private static void requireLanguage(String language) {
		if (!SearchLanguages.ANALYZED.contains(language) && !SearchLanguages.ANY.equals(language)) {
			throw new InvalidTerms("search.synonyms.error.language", 0);
		}
	}

	private static Group view(SearchSynonym row) {
		return new Group(row.getId(), row.getLocale(), row.getTerms(), row.getUpdatedAt());
	}

	/** A group as pages show it. */
	public record Group(long id, String language, List<String> terms, Instant updatedAt) {
	}

	/** Terms an admin typed that cannot be a group: {@code code} is a message of the search bundle. */
	public static final class InvalidTerms extends RuntimeException {

		private final String code;

		private final int limit;

		InvalidTerms(String code, int limit) {
			super(code);
			this.code = code;
			this.limit = limit;
		}

		public String code() {
			return code;
		}

		public int limit() {
			return limit;
		}

	}

}

package io.rapport.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.rapport.knowledge.KnowledgeApi.ArticleSummary;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.knowledge.KnowledgeApi.SearchHit;
import io.rapport.knowledge.KnowledgeApi.SearchResults;
import io.rapport.shared.SafeHtml;
import io.rapport.shared.search.LocalizedQuery;
import io.rapport.shared.search.SearchLanguages;
import io.rapport.shared.search.SearchSynonyms;

import org.hibernate.Session;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over article translations, through the search layer's {@code LocalizedQuery}: a query is
 * matched against the fields of the asked locale's language, title over keywords over summary over body, with the
 * admins' synonyms of the asked locale. When that finds fewer than {@link #TYPOS_BELOW} articles, it is matched
 * again against the fields of every language, those of the asked locale weighted four times as much, and words of
 * five letters or more also match with one typo in the Latin-script languages. Related articles use a looser
 * predicate of their own (any shared word counts, the same category weighs). Customers find published public
 * translations only, agents published ones of internal articles too. Hits are one per article (its best
 * translation), each with a snippet where the words are marked.
 */
@Component
public class ArticleSearch {

	static final int MAX_QUERY = 200;

	/** Translations read to make one page of articles: several translations of one article may match. */
	private static final int WINDOW = 200;

	/** Articles found without typos below which the search is made again with one typo allowed per word. */
	static final int TYPOS_BELOW = 10;

	/** The length of a snippet, in characters. */
	private static final int FRAGMENT = 160;

	private static final List<String> LATIN = List.of(SearchLanguages.EN, SearchLanguages.RO, SearchLanguages.EO,
			SearchLanguages.ANY);

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{5,}");

	@PersistenceContext
	private EntityManager entityManager;

	private final SearchSynonyms synonyms;

	private final TranslationKeys keys;

	ArticleSearch(SearchSynonyms synonyms, TranslationKeys keys) {
		this.synonyms = synonyms;
		this.keys = keys;
	}

	/** What restricts a search beyond the audience, for the editors' list. */
	public record Filter(Long categoryId, String kind, String state, String locale, boolean anyState,
			String visibility) {

		static final Filter NONE = new Filter(null, null, null, null, false, null);
	}

	@Transactional(readOnly = true)
	public SearchResults search(String query, String locale, Audience audience, int offset, int limit) {
		return search(query, locale, audience, Filter.NONE, offset, limit);
	}

	@Transactional(readOnly = true)
	public SearchResults search(String query, String locale, Audience audience, Filter filter, int offset, int limit) {
		String q = clean(query);
		LocalizedQuery words = words(q, locale).typos(false);
		if (q.isEmpty() || words.isBlank() || limit <= 0) {
			return new SearchResults(q, locale, 0, List.of());
		}
		SearchSession session = Search.session(entityManager);
		// The words as typed in the asked locale's fields first; in every language's fields and with one typo
		// allowed only when that finds too few articles: the other languages' clauses were most of the query's
		// terms, and the fuzzy ones cost more than the rest (docs/benchmarks.md, "Search").
		boolean narrowed = !SearchLanguages.ANY.equals(words.language());
		if (narrowed) {
			words.languages(List.of(words.language()));
		}
		List<Candidate> found = collapse(window(session, f -> words.toPredicate(f), audience, filter), locale);
		if (found.size() < TYPOS_BELOW && (narrowed || words.mayHaveTypos())) {
			words.languages(TranslationBinder.LANGUAGES).typos(true);
			found = collapse(window(session, f -> words.toPredicate(f), audience, filter), locale);
		}
		int from = Math.min(Math.max(offset, 0), found.size());
		int to = Math.min(from + limit, found.size());
		List<SearchHit> hits = new ArrayList<>();
		for (Found hit : page(found.subList(from, to))) {
			hits.add(new SearchHit(Views.summary(hit.translation()), snippet(hit.translation(), words), hit.score()));
		}
		return new SearchResults(q, locale, found.size(), hits);
	}

	private LocalizedQuery words(String q, String locale) {
		return LocalizedQuery.of(q, locale).field("title", 3f).field("keywords", 2f).field("summary", 1.5f)
			.field("body").synonyms(synonyms.of(locale));
	}

	/**
	 * The best {@link #WINDOW} translations matching, with their articles and locales: the index gives ids and
	 * scores (ids are doc values; stored fields would be decompressed per hit), {@link TranslationKeys} the rest,
	 * and no translation is loaded to choose one hit per article. The total is not counted beyond the window, so
	 * Lucene may skip the documents that cannot enter it.
	 */
	private List<Row> window(SearchSession session, Function<SearchPredicateFactory, PredicateFinalStep> text,
			Audience audience, Filter filter) {
		List<Hit> hits = session.search(ArticleTranslation.class)
			.select(f -> f.composite().from(f.id(Long.class), f.score()).as(Hit::new))
			.where(f -> f.bool(b -> {
				b.must(text.apply(f));
				restrict(f, b, audience, filter);
			}))
			.totalHitCountThreshold(WINDOW)
			.fetchHits(WINDOW);
		Map<Long, TranslationKeys.Key> found = keys.of(hits.stream().map(Hit::translationId).toList());
		List<Row> rows = new ArrayList<>(hits.size());
		for (Hit hit : hits) {
			TranslationKeys.Key key = found.get(hit.translationId());
			if (key != null) { // deleted since the index was read
				rows.add(new Row(hit.translationId(), key.articleId(), key.locale(), hit.score()));
			}
		}
		return rows;
	}

	/**
	 * The translations of the hits shown, in the order found, and their articles: each loaded by id
	 * ({@code Session.findMultiple}, one {@code id = any(?)} statement per entity, prepared once). A query with
	 * {@code in (:ids)} was translated from HQL to SQL again at every search (its list changes length): 14–30% of a
	 * search's CPU on Java 17.
	 */
	private List<Found> page(List<Candidate> candidates) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		Session session = entityManager.unwrap(Session.class);
		List<ArticleTranslation> translations = session.findMultiple(ArticleTranslation.class,
				candidates.stream().map(Candidate::translationId).toList());
		// the articles in one statement too, so that each hit's summary does not load its article alone
		session.findMultiple(Article.class, translations.stream().filter(Objects::nonNull)
			.map(t -> t.getArticle().getId()).distinct().toList());
		List<Found> found = new ArrayList<>(candidates.size());
		for (int i = 0; i < candidates.size(); i++) {
			// a translation deleted since the index was read is left out (null here)
			if (translations.get(i) != null) {
				found.add(new Found(translations.get(i), candidates.get(i).score()));
			}
		}
		return found;
	}

	/** Articles near one: sharing its title's and keywords' words, or its category; never itself. */
	@Transactional(readOnly = true)
	public List<ArticleSummary> related(ArticleTranslation of, String locale, int limit, Audience audience) {
		Article article = of.getArticle();
		String q = clean(of.getTitle() + " " + String.join(" ", of.keywordList()));
		String language = SearchLanguages.analyzerFor(locale);
		SearchSession session = Search.session(entityManager);
		List<Row> rows = window(session, f -> f.bool(b -> {
			b.should(text(f, q, language));
			if (article.getCategory() != null) {
				b.should(f.match().field("category").matching(String.valueOf(article.getCategory().getId()))
					.boost(2f));
			}
			b.mustNot(f.match().field("article").matching(article.getId()));
		}), audience, Filter.NONE);
		List<Candidate> found = collapse(rows, locale);
		return page(found.subList(0, Math.min(Math.max(limit, 0), found.size()))).stream()
			.map(hit -> Views.summary(hit.translation())).toList();
	}

	private static String clean(String query) {
		String q = query == null ? "" : CONTROL.matcher(query).replaceAll(" ").strip();
		return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
	}

	private static SearchPredicate text(SearchPredicateFactory f, String q, String asked) {
		return f.bool(b -> {
			for (String language : TranslationBinder.LANGUAGES) {
				float weight = language.equals(asked) ? 4f : 1f;
				b.should(f.match().field("title_" + language).boost(3f).field("keywords_" + language).boost(2f)
					.field("summary_" + language).boost(1.5f).field("body_" + language).matching(q).boost(weight));
				if (LATIN.contains(language)) {
					LATIN_WORD.matcher(q).results().map(m -> m.group()).distinct().limit(8).forEach(word -> b
						.should(f.match().field("title_" + language).boost(3f).field("summary_" + language)
							.field("body_" + language).matching(word).fuzzy(1, 1).boost(weight * 0.3f)));
				}
			}
		}).toPredicate();
	}

	private static void restrict(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> b, Audience audience,
			Filter filter) {
		if (audience != Audience.AGENT) {
			b.filter(f.match().field("state").matching(ArticleTranslation.State.PUBLISHED.name()));
			b.filter(f.match().field("visibility").matching(Article.Visibility.PUBLIC.name()));
		}
		else if (filter.state() != null) {
			b.filter(f.match().field("state").matching(filter.state()));
		}
		else if (!filter.anyState()) {
			b.filter(f.match().field("state").matching(ArticleTranslation.State.PUBLISHED.name()));
		}
		if (audience == Audience.AGENT && filter.visibility() != null) {
			b.filter(f.match().field("visibility").matching(filter.visibility()));
		}
		if (filter.categoryId() != null) {
			b.filter(f.match().field("category").matching(String.valueOf(filter.categoryId())));
		}
		if (filter.kind() != null) {
			b.filter(f.match().field("kind").matching(filter.kind()));
		}
		if (filter.locale() != null) {
			b.filter(f.match().field("locale").matching(filter.locale()));
		}
	}

	/** A translation the index found, and its score. */
	private record Hit(Long translationId, Float score) {
	}

	/** A translation found, with its article and locale. */
	private record Row(Long translationId, Long articleId, String locale, Float score) {
	}

	/** The translation chosen for an article, with the article's score. */
	private record Candidate(long translationId, float score) {
	}

	/** A translation shown, loaded, with its article's score. */
	private record Found(ArticleTranslation translation, float score) {
	}

	/** One hit per article: its best translation, or the asked locale's when that matched too. */
	private static List<Candidate> collapse(List<Row> rows, String locale) {
		Map<Long, Candidate> byArticle = new LinkedHashMap<>();
		Map<Long, Boolean> asked = new HashMap<>();
		for (Row row : rows) {
			boolean inLocale = locale != null && locale.equals(row.locale());
			Candidate existing = byArticle.get(row.articleId());
			if (existing == null || !asked.get(row.articleId()) && inLocale) {
				byArticle.put(row.articleId(),
						new Candidate(row.translationId(), existing == null ? row.score() : existing.score()));
				asked.put(row.articleId(), inLocale);
			}
		}
		return new ArrayList<>(byArticle.values());
	}

	/**
	 * The first fragment of the summary, else of the body, where the words are marked (in the translation's
	 * language, as the query matched it); else the summary or the body's beginning.
	 */
	private static String snippet(ArticleTranslation translation, LocalizedQuery words) {
		String fragment = words.snippet(translation.getLocale(), translation.getSummary(), FRAGMENT);
		if (fragment == null) {
			fragment = words.snippet(translation.getLocale(), Markdown.toText(translation.getBody()), FRAGMENT);
		}
		if (fragment != null) {
			return fragment;
		}
		String summary = translation.getSummary();
		return SafeHtml.escape(summary != null && !summary.isBlank() ? summary
				: Markdown.excerpt(translation.getBody(), FRAGMENT));
	}
}

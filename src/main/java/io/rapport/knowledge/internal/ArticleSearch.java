package io.rapport.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.rapport.knowledge.KnowledgeApi.ArticleSummary;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.knowledge.KnowledgeApi.SearchHit;
import io.rapport.knowledge.KnowledgeApi.SearchResults;
import io.rapport.shared.SafeHtml;
import io.rapport.shared.search.LocalizedQuery;
import io.rapport.shared.search.SearchLanguages;
import io.rapport.shared.search.SearchSynonyms;

import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over article translations, through the search layer's {@code LocalizedQuery}: a query is
 * matched against the fields of every language, those of the asked locale weighted four times as much, title over
 * keywords over summary over body, with the admins' synonyms of the asked locale; words of five letters or more
 * also match with one typo in the Latin-script languages. Related articles use a looser predicate of their own
 * (any shared word counts, the same category weighs). Customers find published public translations
 * only, agents published ones of internal articles too. Hits are one per article (its best translation), each
 * with a snippet where the words are marked.
 */
@Component
public class ArticleSearch {

	static final int MAX_QUERY = 200;

	/** Translations read to make one page of articles: several translations of one article may match. */
	private static final int WINDOW = 200;

	private static final String OPEN = "\u0002";

	private static final String CLOSE = "\u0003";

	private static final List<String> LATIN = List.of(SearchLanguages.EN, SearchLanguages.RO, SearchLanguages.EO,
			SearchLanguages.ANY);

	private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{5,}");

	@PersistenceContext
	private EntityManager entityManager;

	private final SearchSynonyms synonyms;

	ArticleSearch(SearchSynonyms synonyms) {
		this.synonyms = synonyms;
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
		LocalizedQuery words = LocalizedQuery.of(q, locale).field("title", 3f).field("keywords", 2f)
			.field("summary", 1.5f).field("body").synonyms(synonyms.of(locale));
		if (q.isEmpty() || words.isBlank() || limit <= 0) {
			return new SearchResults(q, locale, 0, List.of());
		}
		SearchSession session = Search.session(entityManager);
		// The window is read without highlights: the plain highlighter rewrites the query (fuzzy automata
		// included) for every hit and field, which cost more than the search itself when it ran on all 200
		// (docs/benchmarks.md, "Search"). Only the page shown is highlighted, by a second query on its ids.
		List<List<?>> rows = session.search(ArticleTranslation.class)
			.select(f -> f.composite().from(f.entity(ArticleTranslation.class), f.score()).asList())
			.where(f -> f.bool(b -> {
				b.must(words.toPredicate(f));
				restrict(f, b, audience, filter);
			}))
			.fetchHits(WINDOW);
		List<Found> found = collapse(rows, locale);
		int from = Math.min(Math.max(offset, 0), found.size());
		int to = Math.min(from + limit, found.size());
		List<Found> page = found.subList(from, to);
		Map<Long, List<?>> highlights = highlights(session, words, page);
		List<SearchHit> hits = page.stream()
			.map(hit -> new SearchHit(Views.summary(hit.translation()),
					snippet(hit.translation(), highlights.getOrDefault(hit.translation().getId(), List.of())),
					hit.score()))
			.toList();
		return new SearchResults(q, locale, found.size(), hits);
	}

	/** The highlighted fragments of the given hits, by translation id: the same words, on those documents only. */
	private static Map<Long, List<?>> highlights(SearchSession session, LocalizedQuery words, List<Found> page) {
		if (page.isEmpty()) {
			return Map.of();
		}
		List<Long> ids = page.stream().map(hit -> hit.translation().getId()).toList();
		List<List<?>> rows = session.search(ArticleTranslation.class)
			.select(f -> highlightProjection(f))
			.where(f -> f.bool(b -> {
				b.must(words.toPredicate(f));
				b.filter(f.id().matchingAny(ids));
			}))
			.highlighter(h -> h.plain().tag(OPEN, CLOSE).fragmentSize(160).numberOfFragments(1).noMatchSize(0))
			.fetchHits(ids.size());
		Map<Long, List<?>> byId = new HashMap<>();
		for (List<?> row : rows) {
			byId.put((Long) row.get(0), row.subList(1, row.size()));
		}
		return byId;
	}

	/** Articles near one: sharing its title's and keywords' words, or its category; never itself. */
	@Transactional(readOnly = true)
	public List<ArticleSummary> related(ArticleTranslation of, String locale, int limit, Audience audience) {
		Article article = of.getArticle();
		String q = clean(of.getTitle() + " " + String.join(" ", of.keywordList()));
		String language = SearchLanguages.analyzerFor(locale);
		SearchSession session = Search.session(entityManager);
		List<List<?>> rows = session.search(ArticleTranslation.class)
			.select(f -> f.composite().from(f.entity(ArticleTranslation.class), f.score()).asList())
			.where(f -> f.bool(b -> {
				b.should(text(f, q, language));
				if (article.getCategory() != null) {
					b.should(f.match().field("category").matching(String.valueOf(article.getCategory().getId()))
						.boost(2f));
				}
				b.mustNot(f.match().field("article").matching(article.getId()));
				restrict(f, b, audience, Filter.NONE);
			}))
			.fetchHits(WINDOW);
		return collapse(rows, locale).stream().limit(limit).map(hit -> Views.summary(hit.translation())).toList();
	}

	private static String clean(String query) {
		String q = query == null ? "" : query.replaceAll("[\\p{Cntrl}]", " ").strip();
		return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
	}

	private static <R, E> ProjectionFinalStep<List<?>> highlightProjection(SearchProjectionFactory<R, E> f) {
		List<SearchProjection<?>> parts = new ArrayList<>();
		parts.add(f.id(Long.class).toProjection());
		for (String language : TranslationBinder.LANGUAGES) {
			parts.add(f.highlight("summary_" + language).toProjection());
			parts.add(f.highlight("body_" + language).toProjection());
		}
		return f.composite().from(parts.toArray(SearchProjection[]::new)).asList();
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

	/** A translation found, with its article's score. */
	private record Found(ArticleTranslation translation, float score) {
	}

	/** One hit per article: its best translation, or the asked locale's when that matched too. */
	private static List<Found> collapse(List<List<?>> rows, String locale) {
		Map<Long, Found> byArticle = new LinkedHashMap<>();
		for (List<?> row : rows) {
			ArticleTranslation translation = (ArticleTranslation) row.get(0);
			float score = (Float) row.get(1);
			long articleId = translation.getArticle().getId();
			Found existing = byArticle.get(articleId);
			if (existing == null || !existing.translation().getLocale().equals(locale) && translation.getLocale()
				.equals(locale)) {
				byArticle.put(articleId, new Found(translation, existing == null ? score : existing.score()));
			}
		}
		return new ArrayList<>(byArticle.values());
	}

	/** The first highlighted fragment (summary or body, in the order projected), else the summary or excerpt. */
	@SuppressWarnings("unchecked")
	private static String snippet(ArticleTranslation translation, List<?> highlights) {
		for (Object value : highlights) {
			List<String> fragments = (List<String>) value;
			if (fragments != null && !fragments.isEmpty()) {
				return mark(fragments.get(0));
			}
		}
		String summary = translation.getSummary();
		return SafeHtml.escape(summary != null && !summary.isBlank() ? summary
				: Markdown.excerpt(translation.getBody(), 160));
	}

	/** Escapes a fragment, then turns the highlighter's marks into {@code <mark>}: the text stays inert. */
	static String mark(String fragment) {
		return SafeHtml.escape(fragment.replaceAll("\\s+", " ").strip()).replace(OPEN, "<mark>")
			.replace(CLOSE, "</mark>");
	}
}

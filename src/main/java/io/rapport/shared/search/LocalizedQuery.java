package io.rapport.shared.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.rapport.shared.SafeHtml;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.Scorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.TextFragment;
import org.apache.lucene.util.BytesRef;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.MatchPredicateFieldMoreStep;
import org.hibernate.search.engine.search.predicate.dsl.MatchPredicateOptionsStep;
import org.hibernate.search.engine.search.predicate.dsl.PhrasePredicateFieldMoreStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.PrefixPredicateFieldMoreStep;
import org.hibernate.search.engine.search.predicate.dsl.PrefixPredicateOptionsStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

/**
 * The full-text predicate of a search box, for any index that follows the per-locale convention (docs/search.md):
 * a text in language L is indexed into {@code <field>_<L>} analyzed by analyzer L, for L in
 * {@link SearchLanguages#ANALYZED} and {@link SearchLanguages#ANY}.
 *
 * <pre>
 * var query = LocalizedQuery.of(q, locale).field("title", 3).field("summary").field("body").synonyms(synonyms);
 * session.search(Article.class).where(f -&gt; f.and(query.toPredicate(f), f.match().field("published").matching(true)))
 * </pre>
 *
 * <ul>
 * <li>The words are searched in each language's fields with that language's analyzer, the asked locale's fields
 * boosted ({@link #ASKED_LANGUAGE_BOOST}) over the others, so results in the asked locale come first; a word that
 * a language drops (a stop word) is not asked of that language.</li>
 * <li>Up to two words must all match; of longer queries, half and at least two (a question or a subject typed
 * in full still finds the article that has its important words; the more words match, the higher it ranks).</li>
 * <li>Typo tolerance: a word of five letters or more in Latin script also matches at edit distance 1, in the asked
 * language's fields (not for Chinese or Tamil, where one letter changes the word).</li>
 * <li>Synonyms ({@link Synonyms}) expand the query: each alternative counts as the word.</li>
 * <li>A Chinese run without spaces ("重置密码") is one word of several bigrams; half of them must match, so the
 * text "重置您的密码" is found.</li>
 * <li>{@link #completing()}: the last word may be unfinished, as in a search-as-you-type box; it also matches as a
 * prefix.</li>
 * </ul>
 * Building the predicate needs no database and no index: the words are analyzed in-process with the same
 * analyzers ({@link SearchAnalysis#luceneAnalyzer}), on either backend.
 */
public final class LocalizedQuery {

	/** The boost of the asked locale's fields over the other languages' fields. */
	public static final float ASKED_LANGUAGE_BOOST = 4f;

	/** The longest query kept, in characters; the rest is ignored. */
	public static final int MAX_LENGTH = 200;

	/** The most words kept. */
	public static final int MAX_WORDS = 12;

	private static final Set<String> NO_TYPO_LANGUAGES = Set.of(SearchLanguages.ZH, SearchLanguages.TA);

	private static final Map<String, Analyzer> ANALYZERS = new ConcurrentHashMap<>();

	private final List<String> words;

	private final String language;

	private final Map<String, Float> fields = new LinkedHashMap<>();

	private List<String> languages = LocalizedFields.languages();

	private Synonyms synonyms = Synonyms.none();

	private boolean completing;

	/** {@link #snippet}'s marks while it highlights: characters no text holds, replaced once it is escaped. */
	private static final String MARK_OPEN = "\u0002";

	private static final String MARK_CLOSE = "\u0003";

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	private boolean typos = true;

	/** What {@link #highlight} marks, per language: the same for every hit of a page. */
	private final Map<String, Terms> marked = new HashMap<>();

	private LocalizedQuery(String text, String locale) {
		this.words = words(text);
		this.language = SearchLanguages.analyzerFor(locale);
	}

	/** A query for {@code text} typed in {@code locale} (a language tag; {@code null} or unknown: no preference). */
	public static LocalizedQuery of(String text, String locale) {
		return new LocalizedQuery(text, locale);
	}

	/** A base field name (without the {@code _<L>} suffix), boost 1. */
	public LocalizedQuery field(String base) {
		return field(base, 1f);
	}

	/** A base field name (without the {@code _<L>} suffix) and its boost ({@code title} 3 over {@code body} 1). */
	public LocalizedQuery field(String base, float boost) {
		fields.put(base, boost);
		return this;
	}

	/**
	 * Only these languages' fields are searched (default: every analyzed language and {@code any}); for an index
	 * that declares fewer.
	 */
	public LocalizedQuery languages(List<String> languages) {
		this.languages = List.copyOf(languages);
		return this;
	}

	/** The asked locale's synonyms (from {@link SearchSynonyms#of(String)}). */
	public LocalizedQuery synonyms(Synonyms synonyms) {
		this.synonyms = synonyms == null ? Synonyms.none() : synonyms;
		marked.clear();
		return this;
	}

	/** The last word may be unfinished (search as you type): it also matches as a prefix. */
	public LocalizedQuery completing() {
		this.completing = true;
		marked.clear();
		return this;
	}

	/**
	 * Whether words of five letters or more also match with one typo (default: yes). A caller can search without
	 * first and again with typos only when that finds too little: the fuzzy clauses cost more than the rest of the
	 * query, and a word found as typed needs no near miss.
	 */
	public LocalizedQuery typos(boolean typos) {
		this.typos = typos;
		marked.clear();
		return this;
	}

	/** Whether searching with typos could find more than without: a word of the query may be a typo. */
	public boolean mayHaveTypos() {
		return groups().stream().flatMap(g -> g.alternatives.stream())
			.anyMatch(a -> Synonyms.words(a).size() == 1 && typoTolerant(language, a));
	}

	/** No word to search for: the caller shows nothing rather than everything. */
	public boolean isBlank() {
		return words.isEmpty();
	}

	/** The analyzer (and language) of the asked locale: {@code en}, …, or {@code any}. */
	public String language() {
		return language;
	}

	/** The words searched for, after cleaning (at most {@link #MAX_WORDS}). */
	public List<String> words() {
		return words;
	}

	/** The index field of a base name in a language: {@code title} and {@code ro} give {@code title_ro}. */
	public static String fieldName(String base, String language) {
		return base + "_" + language;
	}

	/** The predicate; matches nothing when {@link #isBlank()}. */
	public PredicateFinalStep toPredicate(SearchPredicateFactory f) {
		if (fields.isEmpty()) {
			throw new IllegalStateException("A LocalizedQuery needs at least one field");
		}
		List<Group> groups = groups();
		if (groups.isEmpty()) {
			return f.matchNone();
		}
		BooleanPredicateClausesStep<?, ?> any = f.bool();
		int clauses = 0;
		for (String lang : languages) {
			PredicateFinalStep clause = languageClause(f, lang, groups);
			if (clause != null) {
				any.should(clause);
				clauses++;
			}
		}
		return clauses == 0 ? f.matchNone() : any;
	}

	private PredicateFinalStep languageClause(SearchPredicateFactory f, String lang, List<Group> groups) {
		boolean asked = lang.equals(language);
		List<PredicateFinalStep> wordClauses = new ArrayList<>();
		for (int g = 0; g < groups.size(); g++) {
			Group group = groups.get(g);
			boolean last = g == groups.size() - 1;
			BooleanPredicateClausesStep<?, ?> alternatives = f.bool();
			int count = 0;
			for (String alternative : group.alternatives) {
				List<String> tokens = tokens(lang, alternative);
				if (tokens.isEmpty()) {
					continue;
				}
				if (Synonyms.words(alternative).size() > 1) {
					alternatives.should(phrase(f, lang, alternative));
				}
				else {
					var match = match(f, lang, alternative);
					if (tokens.size() >= 3) {
						match.minimumShouldMatchNumber((tokens.size() + 1) / 2);
					}
					alternatives.should(match);
					if (typos && asked && typoTolerant(lang, alternative)) {
						alternatives.should(match(f, lang, alternative).fuzzy(1, 1).boost(0.5f));
					}
				}
				count++;
			}
			if (completing && last && group.alternatives.size() == 1 && !lang.equals(SearchLanguages.ZH)) {
				String prefix = normalized(lang, group.alternatives.get(0));
				if (!prefix.isEmpty() && prefix.codePointCount(0, prefix.length()) >= 2) {
					alternatives.should(prefix(f, lang, prefix).boost(0.5f));
					count++;
				}
			}
			if (count > 0) {
				wordClauses.add(alternatives);
			}
		}
		if (wordClauses.isEmpty()) {
			return null;
		}
		BooleanPredicateClausesStep<?, ?> clause = f.bool();
		for (PredicateFinalStep w : wordClauses) {
			clause.should(w);
		}
		clause.minimumShouldMatchNumber(required(wordClauses.size()));
		if (asked) {
			clause.boost(ASKED_LANGUAGE_BOOST);
		}
		return clause;
	}

	/** How many of n words must match: all of one or two, else half of them and at least two. */
	static int required(int n) {
		return n <= 2 ? n : Math.max(2, n / 2);
	}

	private MatchPredicateOptionsStep<?> match(SearchPredicateFactory f, String lang, String text) {
		MatchPredicateFieldMoreStep<?, ?> step = null;
		for (Map.Entry<String, Float> field : fields.entrySet()) {
			String name = fieldName(field.getKey(), lang);
			step = step == null ? f.match().field(name) : step.field(name);
			step.boost(field.getValue());
		}
		return step.matching(text);
	}

	private PredicateFinalStep phrase(SearchPredicateFactory f, String lang, String text) {
		PhrasePredicateFieldMoreStep<?, ?, ?> step = null;
		for (Map.Entry<String, Float> field : fields.entrySet()) {
			String name = fieldName(field.getKey(), lang);
			step = step == null ? f.phrase().field(name) : step.field(name);
			step.boost(field.getValue());
		}
		return step.matching(text);
	}

	private PrefixPredicateOptionsStep<?> prefix(SearchPredicateFactory f, String lang, String prefix) {
		PrefixPredicateFieldMoreStep<?, ?, ?> step = null;
		for (Map.Entry<String, Float> field : fields.entrySet()) {
			String name = fieldName(field.getKey(), lang);
			step = step == null ? f.prefix().field(name) : step.field(name);
			step.boost(field.getValue());
		}
		return step.matching(prefix);
	}

	/**
	 * The best fragment (about {@code fragmentSize} characters) of a text written in {@code locale} with the words
	 * this query matches in that language marked between {@code open} and {@code close}, or {@code null} when
	 * none of them is in it. The text is analyzed in-process with the language's analyzer, and a token is marked
	 * when the query would match it: one of the words' tokens (synonyms included), one typo away from a word of
	 * the asked language (when {@link #typos} are on), or starting with the unfinished last word
	 * ({@link #completing()}). It needs no stored text and no term vectors in the index, and works the same on both
	 * backends: the text is the caller's (from its entity), as the plain highlighter would read it from the index.
	 */
	public String highlight(String locale, String text, int fragmentSize, String open, String close) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String lang = SearchLanguages.analyzerFor(locale);
		Terms terms = marked.computeIfAbsent(lang, this::marks);
		if (terms.isEmpty()) {
			return null;
		}
		Marks marks = new Marks(terms);
		Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(open, close), marks);
		highlighter.setTextFragmenter(new SimpleFragmenter(fragmentSize));
		try {
			return highlighter.getBestFragment(analyzer(lang), "f", text);
		}
		catch (IOException | InvalidTokenOffsetsException ex) {
			return null;
		}
	}

	/**
	 * {@link #highlight}'s fragment as safe HTML for a snippet: the text escaped, each run of white space one
	 * space, the words between {@code <mark>} and {@code </mark>}; {@code null} when none of them is in it.
	 */
	public String snippet(String locale, String text, int fragmentSize) {
		String fragment = highlight(locale, text, fragmentSize, MARK_OPEN, MARK_CLOSE);
		if (fragment == null || fragment.isBlank()) {
			return null;
		}
		return SafeHtml.escape(WHITE_SPACE.matcher(fragment).replaceAll(" ").strip()).replace(MARK_OPEN, "<mark>")
			.replace(MARK_CLOSE, "</mark>");
	}

	/** What {@link #highlight} marks in a language's text: the terms this query's clause of that language asks. */
	private Terms marks(String lang) {
		boolean asked = lang.equals(language);
		Set<String> exact = new HashSet<>();
		Set<String> fuzzy = new HashSet<>();
		String prefix = null;
		List<Group> groups = groups();
		for (int g = 0; g < groups.size(); g++) {
			Group group = groups.get(g);
			for (String alternative : group.alternatives) {
				List<String> tokens = tokens(lang, alternative);
				exact.addAll(tokens);
				if (typos && asked && Synonyms.words(alternative).size() == 1 && typoTolerant(lang, alternative)) {
					fuzzy.addAll(tokens);
				}
			}
			if (completing && g == groups.size() - 1 && group.alternatives.size() == 1
					&& !lang.equals(SearchLanguages.ZH)) {
				String p = normalized(lang, group.alternatives.get(0));
				prefix = p.codePointCount(0, p.length()) >= 2 ? p : null;
			}
		}
		return new Terms(exact, fuzzy, prefix);
	}

	/** The terms a language's text is marked for: exact tokens, tokens one typo away, and a prefix. */
	private record Terms(Set<String> exact, Set<String> fuzzy, String prefix) {

		boolean isEmpty() {
			return exact.isEmpty() && fuzzy.isEmpty() && prefix == null;
		}
	}

	/**
	 * A highlighter's scorer that marks the tokens the query matches: a fragment scores one per distinct word it
	 * holds, so the fragment with most of the query's words is chosen, as the plain highlighter does.
	 */
	private static final class Marks implements Scorer {

		private final Set<String> exact;

		private final Set<String> fuzzy;

		private final String prefix;

		private CharTermAttribute term;

		private final Set<String> seen = new HashSet<>();

		private float score;

		Marks(Terms terms) {
			this.exact = terms.exact();
			this.fuzzy = terms.fuzzy();
			this.prefix = terms.prefix();
		}

		@Override
		public TokenStream init(TokenStream tokenStream) {
			term = tokenStream.addAttribute(CharTermAttribute.class);
			return null;
		}

		@Override
		public void startFragment(TextFragment fragment) {
			seen.clear();
			score = 0;
		}

		@Override
		public float getTokenScore() {
			String token = term.toString();
			if (!matches(token)) {
				return 0;
			}
			if (seen.add(token)) {
				score++;
			}
			return 1;
		}

		@Override
		public float getFragmentScore() {
			return score;
		}

		private boolean matches(String token) {
			if (exact.contains(token) || prefix != null && token.startsWith(prefix)) {
				return true;
			}
			for (String word : fuzzy) {
				if (oneEditApart(word, token)) {
					return true;
				}
			}
			return false;
		}
	}

	/**
	 * Whether two words are at most one edit apart (an insertion, a deletion, a substitution or two neighbours
	 * swapped) with the same first letter: what the fuzzy clauses ({@code fuzzy(1, 1)}) match.
	 */
	static boolean oneEditApart(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		int la = a.length();
		int lb = b.length();
		if (Math.abs(la - lb) > 1 || la == 0 || lb == 0 || a.charAt(0) != b.charAt(0)) {
			return false;
		}
		int i = 0;
		while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		if (la == lb) {
			if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
				return true; // one substitution
			}
			return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
					&& a.regionMatches(i + 2, b, i + 2, la - i - 2); // two neighbours swapped
		}
		return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
	}

	private static boolean typoTolerant(String lang, String word) {
		if (NO_TYPO_LANGUAGES.contains(lang) || word.codePointCount(0, word.length()) < 5) {
			return false;
		}
		return word.codePoints()
			.allMatch(c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
	}

	private List<Group> groups() {
		List<Group> groups = new ArrayList<>();
		int i = 0;
		while (i < words.size()) {
			Synonyms.Match match = synonyms.at(words, i);
			groups.add(new Group(match.alternatives()));
			i += match.length();
		}
		return groups;
	}

	/** The tokens of a text in a language, as its analyzer gives them (empty for a stop word). */
	static List<String> tokens(String lang, String text) {
		return SearchAnalysis.tokens(analyzer(lang), text);
	}

	/** A word as a prefix query sees it: the language's character mappings, lowercasing and folding, no stemming. */
	static String normalized(String lang, String word) {
		BytesRef bytes = analyzer(lang).normalize("f", word);
		return bytes.utf8ToString();
	}

	private static Analyzer analyzer(String lang) {
		return ANALYZERS.computeIfAbsent(lang, SearchAnalysis::luceneAnalyzer);
	}

	/** The query's words: control and query-syntax characters read as spaces, at most {@link #MAX_WORDS}. */
	static List<String> words(String text) {
		if (text == null) {
			return List.of();
		}
		String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
		StringBuilder cleaned = new StringBuilder(cut.length());
		cut.codePoints().forEach(c -> {
			boolean separator = Character.isWhitespace(c) || Character.isISOControl(c) || "+|\"*()~\\{}[]^:!?<>/=&".indexOf(c) >= 0
					|| Character.getType(c) == Character.FORMAT;
			cleaned.appendCodePoint(separator ? ' ' : c);
		});
		List<String> words = Synonyms.words(cleaned.toString());
		return words.size() > MAX_WORDS ? List.copyOf(words.subList(0, MAX_WORDS)) : List.copyOf(words);
	}

	private static final class Group {

		final List<String> alternatives;

		Group(List<String> alternatives) {
			this.alternatives = alternatives;
		}

	}

}

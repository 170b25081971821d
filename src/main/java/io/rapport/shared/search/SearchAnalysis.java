package io.rapport.shared.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.AbstractAnalysisFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.charfilter.MappingCharFilterFactory;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.DecimalDigitFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.in.IndicNormalizationFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.elasticsearch.analysis.model.dsl.ElasticsearchAnalysisComponentParametersStep;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalysisComponentParametersStep;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalyzerOptionalComponentsStep;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneNormalizerOptionalComponentsStep;

/**
 * One analyzer per language of {@link SearchLanguages}, declared once in {@link #ANALYZERS} and written out for
 * whichever backend runs: Lucene ({@link LuceneAnalysisConfigurer}) or Elasticsearch/OpenSearch
 * ({@link ElasticsearchAnalysisConfigurer}); Hibernate Search calls the one of its backend. Every component is one
 * both backends have (OpenSearch's core analysis module, no plugin), with the same parameters; word lists and
 * character mappings are files under {@code search/} read by Lucene itself and handed to Elasticsearch inline, so
 * one file feeds both. docs/search.md explains each choice; the {@code opensearch} tests compare the tokens.
 * <ul>
 * <li>{@code en}: possessives, stop words, Porter stemming, accents folded ("café" finds "cafe").</li>
 * <li>{@code zh}: overlapping pairs of Han characters (bigrams), so "重置密码" finds "重置" and "密码" both; no
 * dictionary segmenter (smartcn and ICU split 重置 into two single characters).</li>
 * <li>{@code ro}: cedilla ş/ţ read as comma-below ș/ț, then every diacritic folded, then stop words and Snowball's
 * Romanian stemmer: folding first makes "aplicație", "aplicatie" and "aplicaţie" one word before stemming
 * (stemming first stems "aplicații" to "aplicaț" but "aplicatii" to "aplic", and they never meet).</li>
 * <li>{@code ta}: Lucene's TamilAnalyzer chain: decimal digits, Indic normalization, stop words, Snowball's Tamil
 * stemmer. Never ICU folding, which strips the pulli (்) and merges different words.</li>
 * <li>{@code eo}: the x-system ("sx" is "ŝ"), stop words, our light stemmer of Esperanto's regular endings (a
 * pattern replacement: no Lucene release has an Esperanto stemmer), then accents folded so "cxu", "ĉu" and "cu"
 * meet.</li>
 * <li>{@code any}: text in another language: split, lowercased, Han as bigrams, accents folded; no stemming.</li>
 * </ul>
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

	/**
	 * Esperanto's regular endings, longest first: nouns and adjectives (-o/-a with plural -j and accusative -n),
	 * adverbs (-e, -en), verbs (-i, -as, -is, -os, -us, -u). The stem keeps at least two letters, so short words
	 * (mi, ŝi, ne) stay whole.
	 */
	static final String ESPERANTO_ENDINGS = "^(\\p{L}{2,}?)(ojn|ajn|oj|aj|on|an|en|as|is|os|us|o|a|e|i|u)$";

	private static final Pattern MAPPING_RULE = Pattern.compile("\"(.*)\"\\s*=>\\s*\"(.*)\"\\s*");

	/** The analyzers, in declaration order, each a tokenizer, char filters and token filters. */
	static final List<Chain> ANALYZERS = List.of(
			chain(SearchLanguages.EN).tokenFilter(englishPossessive())
				.tokenFilter(lowercase())
				.tokenFilter(stop("en"))
				.tokenFilter(porterStem())
				.tokenFilter(asciiFolding()),
			chain(SearchLanguages.ZH).tokenFilter(cjkWidth()).tokenFilter(lowercase()).tokenFilter(cjkBigram()),
			chain(SearchLanguages.RO).charFilter(mapping("ro_comma_below", "search/ro-comma-below.txt"))
				.tokenFilter(lowercase())
				.tokenFilter(asciiFolding())
				.tokenFilter(stop("ro"))
				.tokenFilter(snowball("ro", "Romanian")),
			chain(SearchLanguages.TA).tokenFilter(lowercase())
				.tokenFilter(decimalDigit())
				.tokenFilter(indicNormalization())
				.tokenFilter(stop("ta"))
				.tokenFilter(snowball("ta", "Tamil")),
			chain(SearchLanguages.EO).charFilter(mapping("eo_x_system", "search/eo-x-system.txt"))
				.tokenFilter(lowercase())
				.tokenFilter(stop("eo"))
				.tokenFilter(new Component("eo_endings", "pattern_replace", PatternReplaceFilterFactory.class)
					.param("pattern", ESPERANTO_ENDINGS, ESPERANTO_ENDINGS)
					.param("replacement", "$1", "$1")
					.param("replace", "first", null)
					.esParam("all", false))
				.tokenFilter(asciiFolding()),
			chain(SearchLanguages.ANY).tokenFilter(cjkWidth())
				.tokenFilter(lowercase())
				.tokenFilter(cjkBigram())
				.tokenFilter(asciiFolding()));

	/** The normalizer of keyword fields: lowercased, accents folded. */
	static final Chain KEYWORD_NORMALIZER = chain(SearchLanguages.KEYWORD).tokenFilter(lowercase())
		.tokenFilter(asciiFolding());

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		for (Chain chain : ANALYZERS) {
			LuceneAnalyzerOptionalComponentsStep step = context.analyzer(chain.name)
				.custom()
				.tokenizer(StandardTokenizerFactory.class);
			for (Component c : chain.charFilters) {
				luceneParams(step.charFilter(c.lucene.asSubclass(CharFilterFactory.class)), c);
			}
			for (Component c : chain.tokenFilters) {
				luceneParams(step.tokenFilter(c.lucene.asSubclass(TokenFilterFactory.class)), c);
			}
		}
		LuceneNormalizerOptionalComponentsStep normalizer = context.normalizer(KEYWORD_NORMALIZER.name).custom();
		for (Component c : KEYWORD_NORMALIZER.tokenFilters) {
			normalizer.tokenFilter(c.lucene.asSubclass(TokenFilterFactory.class));
		}
	}

	/**
	 * The Lucene analyzer of that name built in-process, exactly as the Lucene backend builds it: for tests and
	 * for tools that need a language's tokens without an index ({@link SearchAnalysis#ANALYZERS}).
	 */
	public static Analyzer luceneAnalyzer(String name) {
		Chain chain = ANALYZERS.stream()
			.filter(c -> c.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No analyzer " + name));
		try {
			CustomAnalyzer.Builder builder = CustomAnalyzer
				.builder(new ClasspathResourceLoader(SearchAnalysis.class.getClassLoader()))
				.withTokenizer(chain.tokenizer);
			for (Component c : chain.charFilters) {
				builder.addCharFilter(c.lucene.asSubclass(CharFilterFactory.class), new LinkedHashMap<>(c.luceneParams));
			}
			for (Component c : chain.tokenFilters) {
				builder.addTokenFilter(c.lucene.asSubclass(TokenFilterFactory.class),
						new LinkedHashMap<>(c.luceneParams));
			}
			return builder.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The tokens {@code text} gives with the Lucene analyzer {@code name}, in order. */
	public static List<String> luceneTokens(String name, String text) {
		try (Analyzer analyzer = luceneAnalyzer(name)) {
			return tokens(analyzer, text);
		}
	}

	/** The tokens {@code text} gives with {@code analyzer}, in order. */
	public static List<String> tokens(Analyzer analyzer, String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	private static void luceneParams(LuceneAnalysisComponentParametersStep step, Component component) {
		component.luceneParams.forEach(step::param);
	}

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		Map<String, Component> defined = new LinkedHashMap<>();
		for (Chain chain : ANALYZERS) {
			List<String> charFilters = new ArrayList<>();
			for (Component c : chain.charFilters) {
				charFilters.add(c.esName);
				if (c.needsDefinition() && defined.put(c.esName, c) == null) {
					esParams(context.charFilter(c.esName).type(c.esType), c);
				}
			}
			List<String> tokenFilters = new ArrayList<>();
			for (Component c : chain.tokenFilters) {
				tokenFilters.add(c.esName);
				if (c.needsDefinition() && defined.put(c.esName, c) == null) {
					esParams(context.tokenFilter(c.esName).type(c.esType), c);
				}
			}
			var step = context.analyzer(chain.name).custom().tokenizer("standard");
			if (!charFilters.isEmpty()) {
				step.charFilters(charFilters.toArray(String[]::new));
			}
			step.tokenFilters(tokenFilters.toArray(String[]::new));
		}
		context.normalizer(KEYWORD_NORMALIZER.name)
			.custom()
			.tokenFilters(KEYWORD_NORMALIZER.tokenFilters.stream().map(c -> c.esName).toArray(String[]::new));
	}

	private static void esParams(ElasticsearchAnalysisComponentParametersStep step, Component component) {
		component.esParams.forEach((name, value) -> {
			if (value instanceof String[] values) {
				step.param(name, values);
			}
			else if (value instanceof Boolean flag) {
				step.param(name, flag.booleanValue());
			}
			else {
				step.param(name, (String) value);
			}
		});
	}

	// The components. Built-in ones (no parameters) are referenced by their Elasticsearch name.

	private static Component lowercase() {
		return new Component("lowercase", null, LowerCaseFilterFactory.class);
	}

	private static Component asciiFolding() {
		return new Component("asciifolding", null, ASCIIFoldingFilterFactory.class);
	}

	private static Component porterStem() {
		return new Component("porter_stem", null, PorterStemFilterFactory.class);
	}

	private static Component cjkWidth() {
		return new Component("cjk_width", null, CJKWidthFilterFactory.class);
	}

	private static Component cjkBigram() {
		return new Component("cjk_bigram", null, CJKBigramFilterFactory.class);
	}

	private static Component decimalDigit() {
		return new Component("decimal_digit", null, DecimalDigitFilterFactory.class);
	}

	private static Component indicNormalization() {
		return new Component("indic_normalization", null, IndicNormalizationFilterFactory.class);
	}

	private static Component englishPossessive() {
		return new Component("en_possessive", "stemmer", EnglishPossessiveFilterFactory.class).esParam("language",
				"possessive_english");
	}

	private static Component stop(String language) {
		String file = "search/" + language + "-stopwords.txt";
		return new Component(language + "_stop", "stop", StopFilterFactory.class).param("words", file, null)
			.esParam("stopwords", words(file).toArray(String[]::new))
			.esParam("ignore_case", false);
	}

	private static Component snowball(String language, String stemmer) {
		return new Component(language + "_snowball", "snowball", SnowballPorterFilterFactory.class).param("language",
				stemmer, stemmer);
	}

	private static Component mapping(String name, String file) {
		return new Component(name, "mapping", MappingCharFilterFactory.class).param("mapping", file, null)
			.esParam("mappings", mappings(file).toArray(String[]::new));
	}

	private static Chain chain(String name) {
		return new Chain(name);
	}

	/** The words of a word list, one a line, {@code #} comments and blank lines left out. */
	static List<String> words(String file) {
		List<String> words = new ArrayList<>();
		for (String line : lines(file)) {
			String word = line.strip();
			if (!word.isEmpty() && !word.startsWith("#")) {
				words.add(word);
			}
		}
		return words;
	}

	/** A Lucene mapping file's rules ({@code "sx" => "ŝ"}) in Elasticsearch's inline form ({@code sx => ŝ}). */
	static List<String> mappings(String file) {
		List<String> rules = new ArrayList<>();
		for (String line : lines(file)) {
			String rule = line.strip();
			if (rule.isEmpty() || rule.startsWith("#")) {
				continue;
			}
			Matcher m = MAPPING_RULE.matcher(rule);
			if (!m.matches()) {
				throw new IllegalStateException("Not a mapping rule in " + file + ": " + rule);
			}
			rules.add(m.group(1) + " => " + m.group(2));
		}
		return rules;
	}

	private static List<String> lines(String file) {
		try (InputStream in = SearchAnalysis.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException("Missing analysis file " + file);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An analyzer: the standard tokenizer (Unicode word breaks), then char filters and token filters in order. */
	static final class Chain {

		final String name;

		final Class<? extends TokenizerFactory> tokenizer = StandardTokenizerFactory.class;

		final List<Component> charFilters = new ArrayList<>();

		final List<Component> tokenFilters = new ArrayList<>();

		Chain(String name) {
			this.name = name;
		}

		Chain charFilter(Component component) {
			charFilters.add(component);
			return this;
		}

		Chain tokenFilter(Component component) {
			tokenFilters.add(component);
			return this;
		}

	}

	/**
	 * One analysis component on both backends: its Lucene factory with its parameters, and its Elasticsearch name
	 * (a built-in name when {@code esType} is null, else a component defined under that name with that type).
	 */
	static final class Component {

		final String esName;

		final String esType;

		final Class<? extends AbstractAnalysisFactory> lucene;

		final Map<String, String> luceneParams = new LinkedHashMap<>();

		final Map<String, Object> esParams = new LinkedHashMap<>();

		Component(String esName, String esType, Class<? extends AbstractAnalysisFactory> lucene) {
			this.esName = esName;
			this.esType = esType;
			this.lucene = lucene;
		}

		/** A parameter of both backends (a null value: this backend has no such parameter). */
		Component param(String name, String luceneValue, String esValue) {
			if (luceneValue != null) {
				luceneParams.put(name, luceneValue);
			}
			if (esValue != null) {
				esParams.put(name, esValue);
			}
			return this;
		}

		Component esParam(String name, Object value) {
			esParams.put(name, value);
			return this;
		}

		boolean needsDefinition() {
			return esType != null;
		}

	}

}

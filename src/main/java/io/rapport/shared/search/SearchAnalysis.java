package io.rapport.shared.search;

import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.in.IndicNormalizationFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.charfilter.MappingCharFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * One analyzer per language of {@link SearchLanguages}, built only from components both backends have, so the
 * same text is split and stemmed alike on Lucene and on Elasticsearch/OpenSearch.
 * <ul>
 * <li>{@code en}: possessives, stop words, Porter stemming, accents folded.</li>
 * <li>{@code zh}: overlapping pairs of Han characters (bigrams), so "重置密码" finds "重置" and "密码" both; no
 * dictionary segmenter (smartcn and ICU split 重置 into two single characters).</li>
 * <li>{@code ro}: cedilla ş/ţ read as comma-below ș/ț, Snowball's Romanian stemmer, then diacritics folded so
 * "aplicatie" and "aplicație" meet.</li>
 * <li>{@code ta}: Indic normalization and Snowball's Tamil stemmer; never ICU folding, which strips the pulli.</li>
 * <li>{@code eo}: the x-system ("sx" is "ŝ") and our light stemmer of Esperanto's regular endings.</li>
 * </ul>
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	/**
	 * Esperanto's regular endings, longest first: nouns and adjectives (-o/-a with plural -j and accusative -n),
	 * adverbs (-e, -en), verbs (-i, -as, -is, -os, -us, -u). The stem keeps at least two letters.
	 */
	static final String ESPERANTO_ENDINGS = "^(\\p{L}{2,}?)(ojn|ajn|oj|aj|on|an|en|as|is|os|us|o|a|e|i|u)$";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(SearchLanguages.EN).custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(EnglishPossessiveFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(StopFilterFactory.class)
			.tokenFilter(PorterStemFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);

		context.analyzer(SearchLanguages.ZH).custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(CJKWidthFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(CJKBigramFilterFactory.class);

		context.analyzer(SearchLanguages.RO).custom()
			.tokenizer(StandardTokenizerFactory.class)
			.charFilter(MappingCharFilterFactory.class).param("mapping", "search/ro-comma-below.txt")
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(SnowballPorterFilterFactory.class).param("language", "Romanian")
			.tokenFilter(ASCIIFoldingFilterFactory.class);

		context.analyzer(SearchLanguages.TA).custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(IndicNormalizationFilterFactory.class)
			.tokenFilter(SnowballPorterFilterFactory.class).param("language", "Tamil");

		context.analyzer(SearchLanguages.EO).custom()
			.tokenizer(StandardTokenizerFactory.class)
			.charFilter(MappingCharFilterFactory.class).param("mapping", "search/eo-x-system.txt")
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(PatternReplaceFilterFactory.class)
			.param("pattern", ESPERANTO_ENDINGS)
			.param("replacement", "$1")
			.param("replace", "first");

		context.analyzer(SearchLanguages.ANY).custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(CJKWidthFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(CJKBigramFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);

		context.normalizer(SearchLanguages.KEYWORD).custom()
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);
	}
}

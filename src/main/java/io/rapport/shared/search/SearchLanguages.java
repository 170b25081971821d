package io.rapport.shared.search;

import java.util.List;
import java.util.Locale;

/**
 * The languages Rapport analyzes text in, each with the analyzer of the same name (see {@link SearchAnalysis}).
 * Text in another language, or in none known, is analyzed by {@link #ANY}: words split and lowercased, no
 * stemming, so it is still found by its exact words.
 */
public final class SearchLanguages {

	public static final String EN = "en";

	public static final String ZH = "zh";

	public static final String RO = "ro";

	public static final String TA = "ta";

	public static final String EO = "eo";

	/** The analyzer for text whose language has no analyzer of its own. */
	public static final String ANY = "any";

	/** The languages with an analyzer of their own, in the order pages list them. */
	public static final List<String> ANALYZED = List.of(EN, ZH, RO, TA, EO);

	/** The normalizer of keyword fields (tags, slugs): lowercased, accents folded, for sorting and exact filters. */
	public static final String KEYWORD = "keyword";

	private SearchLanguages() {
	}

	/** The analyzer for a locale ({@code zh-Hans} → {@code zh}); {@link #ANY} for every other language. */
	public static String analyzerFor(String locale) {
		if (locale == null || locale.isBlank()) {
			return ANY;
		}
		String language = Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
		return ANALYZED.contains(language) ? language : ANY;
	}
}

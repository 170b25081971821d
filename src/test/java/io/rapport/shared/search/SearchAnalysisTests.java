package io.rapport.shared.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.rapport.shared.search.SearchAnalysis.luceneTokens;
import static org.assertj.core.api.Assertions.assertThat;

/** Each language's analyzer, on real sentences, as the Lucene backend runs it (in-process, same chain). */
class SearchAnalysisTests {

	@Test
	void englishStemsDropsStopWordsPossessivesAndAccents() {
		assertThat(luceneTokens("en", "The customer's passwords were reset at the café"))
			.containsExactly("custom", "password", "were", "reset", "cafe");
	}

	@Test
	void chineseWithoutSpacesIsSplitIntoOverlappingPairs() {
		assertThat(luceneTokens("zh", "重置密码")).containsExactly("重置", "置密", "密码");
		assertThat(luceneTokens("zh", "如何重置您的密码？")).contains("重置", "密码");
		assertThat(luceneTokens("zh", "ＡＢＣ账户")).containsExactly("abc", "账户");
	}

	@Test
	void romanianWithAndWithoutDiacriticsAndWithCedillasIsOneWord() {
		List<String> comma = luceneTokens("ro", "aplicație ștergeți țară");
		assertThat(luceneTokens("ro", "aplicatie stergeti tara")).isEqualTo(comma);
		assertThat(luceneTokens("ro", "aplicaţie ştergeţi ţară")).isEqualTo(comma);
		assertThat(luceneTokens("ro", "APLICAȚII")).isEqualTo(luceneTokens("ro", "aplicatii"));
		assertThat(luceneTokens("ro", "Cum resetați parola și contul")).containsExactly("reset", "parol", "cont");
	}

	@Test
	void tamilInflectionsShareAStemAndThePulliIsKept() {
		// "the password" as an object and "of the password"
		assertThat(luceneTokens("ta", "கடவுச்சொல்லை")).isEqualTo(luceneTokens("ta", "கடவுச்சொல்லின்"));
		assertThat(luceneTokens("ta", "கணக்கில்")).isEqualTo(luceneTokens("ta", "கணக்கை"))
			.isEqualTo(luceneTokens("ta", "கணக்கு"));
		assertThat(luceneTokens("ta", "கடவுச்சொல்லை")).allMatch(t -> t.contains("\u0BCD"));
		assertThat(luceneTokens("ta", "ஒரு கணக்கு ௧௨")).containsExactly(luceneTokens("ta", "கணக்கு").get(0), "12");
	}

	@Test
	void esperantoEndingsPluralAccusativeAndTheXSystemMeet() {
		assertThat(luceneTokens("eo", "pasvortojn")).isEqualTo(luceneTokens("eo", "pasvorto"))
			.isEqualTo(luceneTokens("eo", "pasvortaj"))
			.containsExactly("pasvort");
		assertThat(luceneTokens("eo", "ŝanĝi")).isEqualTo(luceneTokens("eo", "sxangxi"))
			.isEqualTo(luceneTokens("eo", "SXANGXAS"))
			.isEqualTo(luceneTokens("eo", "ŝanĝos"));
		assertThat(luceneTokens("eo", "Kiel mi ŝanĝu la pasvorton kaj la konton de Ĉu"))
			.containsExactly("kiel", "sang", "pasvort", "kont");
		assertThat(luceneTokens("eo", "mi ne")).isEmpty();
	}

	@Test
	void otherLanguagesAreSplitLoweredAndFoldedWithoutStemming() {
		assertThat(luceneTokens("any", "Größe der Rechnungen 重置密码")).containsExactly("grosse", "der", "rechnungen",
				"重置", "置密", "密码");
	}

	@Test
	void everyMappingFileReadsAsElasticsearchRules() {
		assertThat(SearchAnalysis.mappings("search/eo-x-system.txt")).contains("sx => ŝ", "UX => Ŭ").hasSize(18);
		assertThat(SearchAnalysis.mappings("search/ro-comma-below.txt")).contains("ş => ș").hasSize(4);
		assertThat(SearchAnalysis.words("search/ro-stopwords.txt")).contains("si", "sa", "in").doesNotContain("și");
	}

}

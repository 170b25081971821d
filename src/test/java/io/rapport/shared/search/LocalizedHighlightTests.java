package io.rapport.shared.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LocalizedQuery#highlight}: the words a query matches are marked in a text of a given language, as the
 * search matched them (stemmed, folded, bigrams, synonyms, one typo, an unfinished last word), in-process.
 */
class LocalizedHighlightTests {

	private static String marked(LocalizedQuery query, String locale, String text) {
		return query.highlight(locale, text, 160, "[", "]");
	}

	@Test
	void marksTheWordsInAnotherInflection() {
		assertThat(marked(LocalizedQuery.of("reset passwords", "en").field("body"), "en",
				"You can reset your password from the sign-in page."))
			.isEqualTo("You can [reset] your [password] from the sign-in page.");
		assertThat(marked(LocalizedQuery.of("parola aplicatiei", "ro").field("body"), "ro",
				"Deschideți setările și resetați parola aplicației."))
			.contains("[aplicației]", "[parola]");
		assertThat(marked(LocalizedQuery.of("fakturojn", "eo").field("body"), "eo", "Eksportu la fakturon."))
			.contains("[fakturon]");
	}

	@Test
	void marksChineseWordsFoundByTheirBigrams() {
		String fragment = marked(LocalizedQuery.of("重置密码", "zh").field("body"), "zh", "如果您忘记了密码，请点击重置链接。");

		assertThat(fragment).contains("[密码]").contains("[重置]");
	}

	@Test
	void marksAWordOneTypoAwayOnlyWhenTyposAreOn() {
		LocalizedQuery query = LocalizedQuery.of("spredsheet", "en").field("body");
		String text = "Export the invoices to a spreadsheet.";

		assertThat(marked(query, "en", text)).contains("[spreadsheet]");
		assertThat(marked(query.typos(false), "en", text)).isNull();
		assertThat(query.mayHaveTypos()).isTrue();
		assertThat(LocalizedQuery.of("rest 重置", "en").field("body").mayHaveTypos()).isFalse(); // too short, not Latin
	}

	@Test
	void marksSynonymsAndAnUnfinishedLastWord() {
		LocalizedQuery query = LocalizedQuery.of("invoice", "en").field("body")
			.synonyms(Synonyms.of(List.of(List.of("invoice", "bill"))));
		assertThat(marked(query, "en", "Pay the bill online.")).isEqualTo("Pay the [bill] online.");

		assertThat(marked(LocalizedQuery.of("export spread", "en").field("body").completing(), "en",
				"Export it to a spreadsheet.")).isEqualTo("[Export] it to a [spreadsheet].");
	}

	@Test
	void givesNothingWhenNoWordIsInTheText() {
		assertThat(marked(LocalizedQuery.of("wombat", "en").field("body"), "en", "Nothing to see here.")).isNull();
		assertThat(marked(LocalizedQuery.of("wombat", "en").field("body"), "en", null)).isNull();
	}

	@Test
	void countsOneEditAsTheFuzzyClausesDo() {
		assertThat(LocalizedQuery.oneEditApart("password", "pasword")).isTrue(); // deletion
		assertThat(LocalizedQuery.oneEditApart("pasword", "password")).isTrue(); // insertion
		assertThat(LocalizedQuery.oneEditApart("password", "passwort")).isTrue(); // substitution
		assertThat(LocalizedQuery.oneEditApart("password", "psasword")).isTrue(); // neighbours swapped
		assertThat(LocalizedQuery.oneEditApart("password", "passwrds")).isFalse();
		assertThat(LocalizedQuery.oneEditApart("password", "bassword")).isFalse(); // the first letter is kept
		assertThat(LocalizedQuery.oneEditApart("reset", "rest")).isTrue();
		assertThat(LocalizedQuery.oneEditApart("reset", "re")).isFalse();
	}
}

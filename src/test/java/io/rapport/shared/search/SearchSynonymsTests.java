package io.rapport.shared.search;

import java.time.Duration;
import java.util.List;

import io.rapport.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Synonym groups kept per locale, read by every search with no reindexing. */
class SearchSynonymsTests extends IntegrationTest {

	@Autowired
	SearchSynonyms synonyms;

	@AfterEach
	void deleteGroups() {
		for (String language : List.of("en", "zh", "ro", "ta", "eo", "any")) {
			synonyms.list(language).forEach(g -> synonyms.delete(g.id()));
		}
	}

	@Test
	void aGroupAddedIsUsedAtTheNextSearchOfItsLocaleOnly() {
		synonyms.add("ro", SearchSynonyms.terms("parolă, cod de acces\nPAROLA"));

		assertThat(synonyms.of("ro").groups()).containsExactly(List.of("parolă", "cod de acces"));
		assertThat(synonyms.of("ro-RO").groups()).hasSize(1);
		assertThat(synonyms.of("en").isEmpty()).isTrue();
	}

	@Test
	void aChangeOrDeletionIsSeenAtOnceOnThisNode() {
		var group = synonyms.add("en", List.of("invoice", "bill"));
		assertThat(synonyms.of("en").groups()).containsExactly(List.of("invoice", "bill"));

		synonyms.change(group.id(), List.of("invoice", "bill", "receipt"));
		assertThat(synonyms.of("en").groups()).containsExactly(List.of("invoice", "bill", "receipt"));

		assertThat(synonyms.delete(group.id())).isTrue();
		assertThat(synonyms.of("en").isEmpty()).isTrue();
		assertThat(synonyms.delete(group.id())).isFalse();
		assertThat(synonyms.change(group.id(), List.of("a", "b"))).isEmpty();
	}

	@Test
	void anEditOnAnotherNodeIsSeenWithinTheRefreshTime() {
		assertThat(synonyms.of("eo").isEmpty()).isTrue();
		// as another node would: straight into the table, this node's cache unaware
		jdbcInsert("eo", "pasvorto\nkodvorto");

		assertThat(synonyms.of("eo").isEmpty()).isTrue();
		clock.advance(SearchSynonyms.REFRESH.plus(Duration.ofSeconds(1)));
		assertThat(synonyms.of("eo").groups()).containsExactly(List.of("pasvorto", "kodvorto"));
	}

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	void jdbcInsert(String locale, String terms) {
		long id = jdbc.queryForObject("select nextval('search_synonyms_seq')", Long.class);
		jdbc.update("insert into search_synonyms (id, locale, terms, created_at, updated_at, version) "
				+ "values (?, ?, ?, current_timestamp, current_timestamp, 0)", id, locale, terms);
	}

	@Test
	void termsTypedByAnAdminAreCleanedAndChecked() {
		assertThat(SearchSynonyms.terms("  sign   in ,log in;\n\nlogin, LOGIN ")).containsExactly("sign in", "log in",
				"login");
		assertThat(SearchSynonyms.terms("密码、口令")).containsExactly("密码", "口令");
		assertThatThrownBy(() -> SearchSynonyms.terms("only")).isInstanceOfSatisfying(
				SearchSynonyms.InvalidTerms.class, e -> assertThat(e.code()).isEqualTo("search.synonyms.error.tooFew"));
		assertThatThrownBy(() -> SearchSynonyms.terms("a, " + "b".repeat(61)))
			.isInstanceOfSatisfying(SearchSynonyms.InvalidTerms.class,
					e -> assertThat(e.code()).isEqualTo("search.synonyms.error.termTooLong"));
		assertThatThrownBy(() -> synonyms.add("xx", List.of("a", "b")))
			.isInstanceOf(SearchSynonyms.InvalidTerms.class);
	}

	@Test
	void theLongestRunOfQueryWordsThatIsATermIsExpanded() {
		Synonyms groups = Synonyms.of(List.of(List.of("sign in", "log in", "login"), List.of("log", "journal")));

		Synonyms.Match match = groups.at(List.of("Log", "In", "now"), 0);
		assertThat(match.length()).isEqualTo(2);
		assertThat(match.alternatives()).containsExactly("Log In", "sign in", "login");
		assertThat(groups.at(List.of("log", "file"), 0).alternatives()).containsExactly("log", "journal");
		assertThat(groups.at(List.of("password"), 0).alternatives()).containsExactly("password");
	}

}

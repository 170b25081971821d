package io.rapport.shared.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.rapport.IntegrationTest;
import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search box's predicate on a real index (the Lucene backend, as configured): each language finds its article
 * first from a query written the way people type, typos, synonyms, the asked locale first.
 */
class LocalizedQueryTests extends IntegrationTest {

	static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transactions;

	final List<Long> ids = new ArrayList<>();

	long save(String locale, String title, String body) {
		long id = IDS.incrementAndGet();
		transactions.executeWithoutResult(t -> entityManager.persist(new SearchTestDocument(id, locale, title, body)));
		ids.add(id);
		return id;
	}

	List<Long> search(LocalizedQuery query) {
		return transactions.execute(t -> Search.session(entityManager)
			.search(SearchTestDocument.class)
			.select(f -> f.id(Long.class))
			.where(f -> f.and(query.toPredicate(f), f.id().matchingAny(ids)))
			.fetchHits(20));
	}

	static LocalizedQuery query(String text, String locale) {
		return LocalizedQuery.of(text, locale).field("title", 3).field("body");
	}

	@Test
	void aChineseQueryWithoutSpacesFindsTheArticleWithBothWordsApart() {
		long reset = save("zh", "如何重置您的密码", "在登录页面点击“忘记密码”，我们会发送一封邮件。");
		save("zh", "更改电子邮件地址", "在个人资料页面更改您的电子邮件地址。");
		save("zh", "重新安装应用", "卸载后重新安装。");

		assertThat(search(query("重置密码", "zh"))).first().isEqualTo(reset);
	}

	@Test
	void aRomanianQueryFindsTheArticleWithOrWithoutDiacriticsAndWithCedillas() {
		long app = save("ro", "Cum actualizați aplicația", "Descărcați ultima versiune a aplicației din magazin.");
		long password = save("ro", "Resetarea parolei", "Folosiți linkul „Am uitat parola” de pe pagina de conectare.");
		long cedilla = save("ro", "Ştergerea contului", "Contul se şterge după 30 de zile.");

		assertThat(search(query("actualizati aplicatia", "ro"))).first().isEqualTo(app);
		assertThat(search(query("aplicaţia", "ro"))).first().isEqualTo(app);
		assertThat(search(query("resetare parola", "ro"))).first().isEqualTo(password);
		assertThat(search(query("ștergerea contului", "ro"))).first().isEqualTo(cedilla);
		assertThat(search(query("stergerea", "ro"))).first().isEqualTo(cedilla);
	}

	@Test
	void aTamilQueryInAnotherInflectionFindsTheArticle() {
		long password = save("ta", "கடவுச்சொல்லை மாற்றுவது எப்படி", "உள்நுழைவு பக்கத்தில் கடவுச்சொல்லை மறந்துவிட்டேன் என்பதைத் தட்டவும்.");
		save("ta", "கணக்கை நீக்குதல்", "உங்கள் கணக்கு முப்பது நாட்களில் நீக்கப்படும்.");

		assertThat(search(query("கடவுச்சொல்லின்", "ta"))).first().isEqualTo(password);
	}

	@Test
	void anEsperantoQueryInThePluralAccusativeOrXSystemFindsTheArticle() {
		long password = save("eo", "Kiel ŝanĝi vian pasvorton", "Iru al la agordoj kaj elektu novan pasvorton.");
		save("eo", "Forigi konton", "Viaj datumoj estos forigitaj post tridek tagoj.");

		assertThat(search(query("pasvortoj", "eo"))).first().isEqualTo(password);
		assertThat(search(query("sxangxo de pasvortojn", "eo"))).first().isEqualTo(password);
	}

	@Test
	void anEnglishTypoOfALongWordStillFindsTheArticleButShortWordsMustBeRight() {
		long password = save("en", "Reset your password", "Use the link on the sign-in page.");
		save("en", "Export invoices", "Download every invoice as a CSV file.");

		assertThat(search(query("pasword", "en"))).containsExactly(password);
		assertThat(search(query("resett pasword", "en"))).first().isEqualTo(password);
		assertThat(search(query("invoces", "en"))).isNotEmpty();
		assertThat(search(query("rest", "en"))).isEmpty();
	}

	@Test
	void aQuestionTypedInFullFindsTheArticleWithItsImportantWords() {
		long password = save("en", "Reset your password", "Use the link on the sign-in page.");

		assertThat(search(query("how can I reset my password", "en"))).containsExactly(password);
	}

	@Test
	void resultsInTheAskedLocaleComeFirst() {
		long en = save("en", "Export to CSV", "Export your data to CSV.");
		long ro = save("ro", "Export în CSV", "Exportați datele în CSV.");

		assertThat(search(query("export csv", "ro"))).containsExactly(ro, en);
		assertThat(search(query("export csv", "en"))).containsExactly(en, ro);
	}

	@Test
	void aTitleMatchRanksAboveABodyMatch() {
		long body = save("en", "Account settings", "Two-factor authentication is under Security.");
		long title = save("en", "Two-factor authentication", "Turn it on under Account settings.");

		assertThat(search(query("authentication", "en"))).containsExactly(title, body);
	}

	@Test
	void synonymsExpandTheQueryInTheirLocale() {
		long sso = save("en", "Sign in with single sign-on", "Your company's identity provider signs you in.");
		Synonyms synonyms = Synonyms.of(List.of(List.of("sign in", "log in", "login")));

		assertThat(search(query("log in", "en"))).isEmpty();
		assertThat(search(query("log in", "en").synonyms(synonyms))).containsExactly(sso);
		assertThat(search(query("login", "en").synonyms(synonyms))).containsExactly(sso);
	}

	@Test
	void chineseSynonymsApplyInsideARunWithoutSpaces() {
		long password = save("zh", "重置口令", "点击“忘记口令”。");
		Synonyms synonyms = Synonyms.of(List.of(List.of("密码", "口令")));

		assertThat(search(query("重置密码", "zh"))).isEmpty();
		assertThat(search(query("重置密码", "zh").synonyms(synonyms))).containsExactly(password);
	}

	@Test
	void anUnfinishedLastWordMatchesAsAPrefixWhenCompleting() {
		long password = save("en", "Reset your password", "Use the link on the sign-in page.");

		assertThat(search(query("reset passw", "en"))).isEmpty();
		assertThat(search(query("reset passw", "en").completing())).containsExactly(password);
	}

	@Test
	void aBlankOrStopWordOnlyOrSyntaxQueryFindsNothingAndNeverFails() {
		save("en", "The best of it", "It is what it is.");

		assertThat(query("  ", "en").isBlank()).isTrue();
		assertThat(search(query("", "en"))).isEmpty();
		assertThat(search(query("the", "en"))).isEmpty();
		assertThat(search(query("\"(*~ || -+ \\ [x]", "en"))).isEmpty();
		assertThat(search(query("a".repeat(5000), "xx-unknown"))).isEmpty();
	}

}

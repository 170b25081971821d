package io.rapport.shared.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import io.rapport.TestDatabase;
import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same mapping on a real OpenSearch (Hibernate Search's Elasticsearch backend, {@code RAPPORT_SEARCH=elasticsearch}):
 * every analyzer gives the tokens the Lucene backend gives, and a search in each locale finds what it finds on
 * Lucene ({@link LocalizedQueryTests}). Tagged {@code opensearch}: not in the default build; run with
 * {@code ./mvnw test -Dtest='OpenSearch*' -Drapport.test.excluded=none} (docs/search.md).
 */
@Tag("opensearch")
@SpringBootTest(properties = { "rapport.demo.enabled=false", "rapport.admin.email=admin@localhost",
		"rapport.admin.password=admin-password-1", "rapport.data-dir=target/test-data-opensearch",
		"rapport.security.bcrypt-strength=4", "rapport.jobs.enabled=false", "rapport.mail.sandbox.enabled=false",
		"spring.jpa.properties.hibernate.search.backend.type=elasticsearch",
		"spring.jpa.properties.hibernate.search.schema_management.strategy=drop-and-create-and-drop",
		"spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=sync" })
class OpenSearchBackendTests {

	static final String INDEX = "search-test-documents-read";

	/** Sentences of each language, as the Lucene tests use them, plus the hard cases of each analyzer. */
	static final Map<String, List<String>> SENTENCES = new LinkedHashMap<>();

	static {
		SENTENCES.put("en", List.of("The customer's passwords were reset at the café",
				"How can I export my invoices to CSV?", "Two-factor authentication isn't working"));
		SENTENCES.put("zh", List.of("如何重置您的密码？", "重置密码", "ＡＢＣ账户 设置 Wi-Fi"));
		SENTENCES.put("ro", List.of("Cum resetați parola aplicației și contul?", "aplicatie aplicaţie aplicație",
				"Ştergerea contului se face după 30 de zile"));
		SENTENCES.put("ta", List.of("கடவுச்சொல்லை மாற்றுவது எப்படி", "உங்கள் கணக்கு முப்பது நாட்களில் நீக்கப்படும் ௧௨",
				"கடவுச்சொல்லின் கணக்கில்"));
		SENTENCES.put("eo", List.of("Kiel mi povas ŝanĝi la pasvortojn de miaj kontoj?", "sxangxi Cxu pasvorton",
				"Viaj datumoj estos forigitaj post tridek tagoj"));
		SENTENCES.put("any", List.of("Größe der Rechnungen 重置密码", "Ñandú São Paulo"));
	}

	static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "opensearch");
		registry.add("spring.jpa.properties.hibernate.search.backend.uris", () -> OpenSearchServer.shared().url());
	}

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transactions;

	final ObjectMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	final List<Long> ids = new ArrayList<>();

	@Test
	void everyAnalyzerGivesTheSameTokensOnOpenSearchAsOnLucene() throws Exception {
		for (Map.Entry<String, List<String>> language : SENTENCES.entrySet()) {
			for (String sentence : language.getValue()) {
				assertThat(openSearchTokens("analyzer", language.getKey(), sentence))
					.as(language.getKey() + ": " + sentence)
					.isEqualTo(SearchAnalysis.luceneTokens(language.getKey(), sentence));
			}
		}
		assertThat(openSearchTokens("normalizer", SearchLanguages.KEYWORD, "Ştergere Café")).containsExactly(
				"stergere cafe");
	}

	@Test
	void aSearchInEachLocaleFindsWhatItFindsOnLucene() {
		long zh = save("zh", "如何重置您的密码", "在登录页面点击“忘记密码”，我们会发送一封邮件。");
		save("zh", "更改电子邮件地址", "在个人资料页面更改您的电子邮件地址。");
		long ro = save("ro", "Cum actualizați aplicația", "Descărcați ultima versiune a aplicației din magazin.");
		long roCedilla = save("ro", "Ştergerea contului", "Contul se şterge după 30 de zile.");
		long ta = save("ta", "கடவுச்சொல்லை மாற்றுவது எப்படி", "உள்நுழைவு பக்கத்தில் கடவுச்சொல்லை மறந்துவிட்டேன் என்பதைத் தட்டவும்.");
		long eo = save("eo", "Kiel ŝanĝi vian pasvorton", "Iru al la agordoj kaj elektu novan pasvorton.");
		long en = save("en", "Reset your password", "Use the link on the sign-in page.");
		long enExport = save("en", "Export to CSV", "Export your data to CSV.");
		long roExport = save("ro", "Export în CSV", "Exportați datele în CSV.");
		long sso = save("en", "Sign in with single sign-on", "Your company's identity provider signs you in.");

		assertThat(search(query("重置密码", "zh"))).first().isEqualTo(zh);
		assertThat(search(query("actualizati aplicatia", "ro"))).first().isEqualTo(ro);
		assertThat(search(query("aplicaţia", "ro"))).first().isEqualTo(ro);
		assertThat(search(query("stergerea", "ro"))).first().isEqualTo(roCedilla);
		assertThat(search(query("கடவுச்சொல்லின்", "ta"))).first().isEqualTo(ta);
		assertThat(search(query("sxangxo de pasvortojn", "eo"))).first().isEqualTo(eo);
		assertThat(search(query("pasword", "en"))).containsExactly(en);
		assertThat(search(query("how can I reset my password", "en"))).containsExactly(en);
		assertThat(search(query("export csv", "ro"))).containsExactly(roExport, enExport);
		assertThat(search(query("export csv", "en"))).containsExactly(enExport, roExport);
		assertThat(search(query("reset passw", "en").completing())).containsExactly(en);
		// the password article's body says "sign-in page": found too, below the article with it in the title
		assertThat(search(query("log in", "en").synonyms(Synonyms.of(List.of(List.of("sign in", "log in"))))))
			.containsExactly(sso, en);
		assertThat(search(query("the", "en"))).isEmpty();
	}

	long save(String locale, String title, String body) {
		long id = IDS.incrementAndGet();
		transactions.executeWithoutResult(t -> entityManager.persist(new SearchTestDocument(id, locale, title, body)));
		ids.add(id);
		return id;
	}

	static LocalizedQuery query(String text, String locale) {
		return LocalizedQuery.of(text, locale).field("title", 3).field("body");
	}

	List<Long> search(LocalizedQuery query) {
		return transactions.execute(t -> Search.session(entityManager)
			.search(SearchTestDocument.class)
			.select(f -> f.id(Long.class))
			.where(f -> f.and(query.toPredicate(f), f.id().matchingAny(ids)))
			.fetchHits(20));
	}

	List<String> openSearchTokens(String kind, String name, String text) throws IOException, InterruptedException {
		String body = json.writeValueAsString(Map.of(kind, name, "text", text));
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(OpenSearchServer.shared().url() + "/" + INDEX + "/_analyze"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> tokens = new ArrayList<>();
		for (JsonNode token : json.readTree(response.body()).path("tokens")) {
			tokens.add(token.path("token").asString());
		}
		return tokens;
	}

}

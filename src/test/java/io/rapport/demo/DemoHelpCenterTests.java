package io.rapport.demo;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.rapport.demo.DemoHelpCenter.Article;
import io.rapport.demo.DemoHelpCenter.Text;
import io.rapport.knowledge.ArticleKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo help center's content: enough articles of every kind, and real translations. */
class DemoHelpCenterTests {

	private final List<Article> articles = DemoHelpCenter.articles();

	@Test
	void shouldHaveFortyPublishedPublicArticlesOfEveryKind() {
		assertThat(articles.stream().filter(a -> !a.internal() && !a.draft())).hasSizeGreaterThanOrEqualTo(40);
		assertThat(articles.stream().map(Article::kind).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(ArticleKind.values());
		assertThat(articles).anyMatch(Article::internal).anyMatch(Article::draft);
		assertThat(articles).filteredOn(a -> a.kind() == ArticleKind.VIDEO)
			.allMatch(a -> a.video() != null && a.video().contains("youtu"));
		assertThat(articles).anyMatch(a -> a.texts().get("en").body().contains("|---"));
	}

	@Test
	void shouldTranslateTenArticlesIntoAllFiveLanguagesRatherThanCopyEnglish() {
		List<Article> translated = articles.stream().filter(a -> a.texts().keySet().equals(Set.copyOf(DemoHelpCenter.LOCALES)))
			.toList();
		assertThat(translated).hasSizeGreaterThanOrEqualTo(10);
		for (Article article : translated) {
			Text en = article.texts().get("en");
			assertThat(article.texts().values().stream().map(Text::title).distinct()).hasSize(5);
			assertThat(article.texts().get("zh").body()).containsPattern("\\p{IsHan}").isNotEqualTo(en.body());
			assertThat(article.texts().get("ta").body()).containsPattern("\\p{IsTamil}");
			assertThat(article.texts().get("eo").body() + article.texts().get("eo").title()).isNotEqualTo(en.body());
			// Romanian with comma-below ș and ț, never the cedilla look-alikes
			assertThat(article.texts().get("ro").body()).doesNotContain("ş", "ţ", "Ş", "Ţ");
		}
		assertThat(translated.stream().map(a -> a.texts().get("ro").body()).collect(Collectors.joining()))
			.contains("ș", "ț", "ă", "î");
		assertThat(translated.stream().map(a -> a.texts().get("eo").body()).collect(Collectors.joining()))
			.contains("ĝ", "ŝ", "ĉ", "ŭ");
	}

	@Test
	void shouldPlaceEveryArticleInAKnownCategory() {
		Set<String> slugs = DemoHelpCenter.categories().stream().map(DemoHelpCenter.Category::slug)
			.collect(Collectors.toSet());
		assertThat(articles).allMatch(a -> slugs.contains(a.category()));
		assertThat(DemoHelpCenter.categories()).filteredOn(c -> c.parent() == null).hasSize(5);
	}
}

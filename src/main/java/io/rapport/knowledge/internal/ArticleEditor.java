package io.rapport.knowledge.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.knowledge.ArticleKind;
import io.rapport.knowledge.internal.ArticleTranslation.State;
import io.rapport.knowledge.internal.Inputs.ArticleChange;
import io.rapport.knowledge.internal.Inputs.NewArticle;
import io.rapport.knowledge.internal.Inputs.TranslationInput;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing the knowledge base: articles and their translations. Every save that changes a translation is a new
 * revision; a translation saved in another locale than the article's default records the default locale's
 * revision it was written from, so it is flagged outdated when that source changes again. Callers check that the
 * user is an agent.
 */
@Service
@Transactional
public class ArticleEditor {

	static final int MAX_TITLE = 300;

	static final int MAX_SUMMARY = 1000;

	static final int MAX_KEYWORDS = 1000;

	static final int MAX_BODY = 200_000;

	private final Articles articles;

	private final Translations translations;

	private final Revisions revisions;

	private final Categories categories;

	private final Locales locales;

	private final IdentityApi identity;

	private final Clock clock;

	ArticleEditor(Articles articles, Translations translations, Revisions revisions, Categories categories,
			Locales locales, IdentityApi identity, Clock clock) {
		this.articles = articles;
		this.translations = translations;
		this.revisions = revisions;
		this.categories = categories;
		this.locales = locales;
		this.identity = identity;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Article require(long id) {
		return articles.withTranslations(id)
			.orElseThrow(() -> NotFoundException.of("errors.knowledge.article-not-found", id));
	}

	public Article create(NewArticle input, AuthenticatedUser by) {
		String locale = input.defaultLocale() == null ? locales.defaultLocale()
				: locales.require("defaultLocale", input.defaultLocale());
		ArticleKind kind = input.kind() == null ? ArticleKind.GUIDE : input.kind();
		String video = video(input.videoUrl(), kind);
		Category category = input.categoryId() == null ? null : category("categoryId", input.categoryId());
		Article article = new Article(kind, category,
				input.visibility() == null ? Article.Visibility.PUBLIC : input.visibility(), locale, clock.instant());
		article.video(video, clock.instant());
		article.moveTo(input.position() == null ? 0 : input.position());
		articles.save(article);
		write(article, locale, new TranslationInput(input.title(), input.body(), input.summary(), input.keywords(),
				input.state(), input.slug(), input.reviewerId(), null), by, "");
		return article;
	}

	public Article change(long id, ArticleChange change, AuthenticatedUser by) {
		Article article = require(id);
		article.expectVersion(change.version());
		ArticleKind kind = change.kind() == null ? article.getKind() : change.kind();
		Category category = change.categoryId() == null ? article.getCategory()
				: category("categoryId", change.categoryId());
		article.classify(kind, category, change.visibility() == null ? article.getVisibility() : change.visibility(),
				clock.instant());
		if (change.videoUrl() != null) {
			article.video(change.videoUrl().isBlank() ? null : video(change.videoUrl(), kind), clock.instant());
		}
		if (kind == ArticleKind.VIDEO && article.getVideoUrl() == null) {
			throw InvalidInputException.of("videoUrl", "errors.knowledge.video-required");
		}
		if (change.defaultLocale() != null) {
			String locale = locales.require("defaultLocale", change.defaultLocale());
			if (article.translation(locale).isEmpty()) {
				throw InvalidInputException.of("defaultLocale", "errors.knowledge.default-locale-missing", locale);
			}
			article.changeDefaultLocale(locale, clock.instant());
		}
		if (change.position() != null) {
			article.moveTo(change.position());
		}
		return article;
	}

	public void delete(long id) {
		Article article = require(id);
		for (ArticleTranslation t : article.getTranslations()) {
			revisions.deleteAll(revisions.findByTranslationIdOrderByNumberDesc(t.getId()));
		}
		articles.delete(article);
	}

	/** Writes the translation of an article in a locale, creating it on first save. */
	public ArticleTranslation write(long articleId, String locale, TranslationInput input, AuthenticatedUser by) {
		Article article = require(articleId);
		return write(article, locales.require("locale", locale), input, by, "");
	}

	private ArticleTranslation write(Article article, String locale, TranslationInput input, AuthenticatedUser by,
			String prefix) {
		String title = text(prefix + "title", input.title(), MAX_TITLE, true);
		String body = input.body() == null ? null : input.body().replace("\r\n", "\n");
		if (body == null || body.isBlank() || body.length() > MAX_BODY) {
			throw InvalidInputException.of(prefix + "body", "errors.knowledge.body", MAX_BODY);
		}
		String summary = text(prefix + "summary", input.summary(), MAX_SUMMARY, false);
		String keywords = keywords(prefix + "keywords", input.keywords());
		State state = input.state() == null ? State.DRAFT : input.state();
		Long reviewer = reviewer(prefix + "reviewerId", input.reviewerId());
		Optional<ArticleTranslation> existing = article.translation(locale);
		if (existing.isPresent() && input.version() != null && input.version() != existing.get().getVersion()) {
			throw ConflictException.of("errors.knowledge.stale", article.getId());
		}
		ArticleTranslation translation = existing.orElseGet(() -> new ArticleTranslation(article, locale,
				slug(prefix + "slug", input.slug(), title, locale, null), clock.instant()));
		if (existing.isPresent() && input.slug() != null && !input.slug().isBlank()) {
			translation.reslug(slug(prefix + "slug", input.slug(), title, locale, translation));
		}
		if (input.reviewerId() != null) {
			translation.review(reviewer);
		}
		if (!locale.equals(article.getDefaultLocale())) {
			translation.translatedFrom(article.source().map(ArticleTranslation::getRevision).orElse(null));
		}
		boolean changed = translation.write(title, summary, body, keywords, state, by.id(), clock.instant());
		if (existing.isEmpty()) {
			translations.save(article.addTranslation(translation));
		}
		if (changed) {
			revisions.save(Revision.of(translation, by.name()));
			article.touch(clock.instant());
		}
		return translation;
	}

	/** Writes a revision's text again, as a new revision; the translation keeps its state. */
	public ArticleTranslation restore(long articleId, String locale, int number, AuthenticatedUser by) {
		Article article = require(articleId);
		ArticleTranslation translation = translation(article, locale);
		Revision revision = revisions.findByTranslationIdAndNumber(translation.getId(), number)
			.orElseThrow(() -> NotFoundException.of("errors.knowledge.revision-not-found", number));
		if (translation.write(revision.getTitle(), revision.getSummary(), revision.getBody(), revision.getKeywords(),
				translation.getState(), by.id(), clock.instant())) {
			revisions.save(Revision.of(translation, by.name()));
			article.touch(clock.instant());
		}
		return translation;
	}

	@Transactional(readOnly = true)
	public ArticleTranslation translation(Article article, String locale) {
		String code = Locales.normalize(locale);
		return article.translation(code == null ? "" : code)
			.orElseThrow(() -> NotFoundException.of("errors.knowledge.translation-not-found", article.getId(),
					locale == null ? "" : locale));
	}

	@Transactional(readOnly = true)
	public List<Revision> revisions(ArticleTranslation translation) {
		return revisions.findByTranslationIdOrderByNumberDesc(translation.getId());
	}

	private Category category(String field, long id) {
		return categories.findById(id)
			.orElseThrow(() -> InvalidInputException.of(field, "errors.knowledge.category-not-found", id));
	}

	private static String video(String url, ArticleKind kind) {
		if (url == null || url.isBlank()) {
			if (kind == ArticleKind.VIDEO) {
				throw InvalidInputException.of("videoUrl", "errors.knowledge.video-required");
			}
			return null;
		}
		if (VideoEmbeds.embed(url).isEmpty()) {
			throw InvalidInputException.of("videoUrl", "errors.knowledge.video");
		}
		return url.strip();
	}

	private Long reviewer(String field, Long reviewerId) {
		if (reviewerId == null) {
			return null;
		}
		if (identity.agent(reviewerId).filter(a -> a.active()).isEmpty()) {
			throw InvalidInputException.of(field, "errors.knowledge.reviewer", reviewerId);
		}
		return reviewerId;
	}

	private String slug(String field, String wanted, String title, String locale, ArticleTranslation self) {
		if (wanted != null && !wanted.isBlank()) {
			String slug = Slugs.require(field, wanted);
			translations.findByLocaleAndSlug(locale, slug).filter(t -> t != self).ifPresent(t -> {
				throw InvalidInputException.of(field, "errors.knowledge.slug-taken", slug);
			});
			return slug;
		}
		return Slugs.unique(Slugs.of(title), "article", s -> translations.existsByLocaleAndSlug(locale, s));
	}

	static String text(String field, String value, int max, boolean required) {
		String text = value == null ? null : value.strip();
		if (required && (text == null || text.isEmpty()) || text != null && text.length() > max) {
			throw InvalidInputException.of(field, "errors.knowledge." + field.replaceAll(".*\\.", ""), max);
		}
		return text == null || text.isEmpty() ? null : text;
	}

	private static String keywords(String field, List<String> keywords) {
		if (keywords == null || keywords.isEmpty()) {
			return null;
		}
		String joined = String.join(", ", keywords.stream().filter(k -> k != null)
			.map(k -> k.replace(",", " ").strip()).filter(k -> !k.isEmpty()).distinct().toList());
		if (joined.length() > MAX_KEYWORDS) {
			throw InvalidInputException.of(field, "errors.knowledge.keywords", MAX_KEYWORDS);
		}
		return joined.isEmpty() ? null : joined;
	}
}

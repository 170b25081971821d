package io.rapport.knowledge.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.knowledge.ArticleKind;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.knowledge.internal.Inputs.ArticleChange;
import io.rapport.knowledge.internal.Inputs.CategoryInput;
import io.rapport.knowledge.internal.Inputs.NewArticle;
import io.rapport.knowledge.internal.Inputs.TranslationInput;
import io.rapport.knowledge.internal.KbJson.ArticleJson;
import io.rapport.knowledge.internal.KbJson.CategoryJson;
import io.rapport.knowledge.internal.KbJson.RevisionJson;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge base's API. Anyone may read (customers and anonymous callers: published translations of public
 * articles, everything else a 404); agents write articles; admins manage categories.
 */
@RestController
@RequestMapping("/api/v1/kb")
@Tag(name = "Knowledge base", description = "Categories, articles, their translations and revisions")
class KnowledgeRestController {

	private final ArticleEditor editor;

	private final ArticleList list;

	private final CategoryAdmin categories;

	private final Locales locales;

	private final Categories categoryRows;

	private final Translations translations;

	private final KbImages images;

	KnowledgeRestController(ArticleEditor editor, ArticleList list, CategoryAdmin categories, Locales locales,
			Categories categoryRows, Translations translations, KbImages images) {
		this.images = images;
		this.editor = editor;
		this.list = list;
		this.categories = categories;
		this.locales = locales;
		this.categoryRows = categoryRows;
		this.translations = translations;
	}

	private static boolean agent(AuthenticatedUser user) {
		return user != null && user.isAgent();
	}

	private static Audience audience(AuthenticatedUser user) {
		return agent(user) ? Audience.AGENT : Audience.CUSTOMER;
	}

	private static AuthenticatedUser requireAgent(AuthenticatedUser user) {
		if (!agent(user)) {
			throw NotFoundException.of("errors.not-found");
		}
		return user;
	}

	@Operation(summary = "The category tree (two levels, ordered), names in `locale`, with the number of articles the caller can read")
	@GetMapping("/categories")
	@Transactional(readOnly = true)
	List<CategoryJson> categories(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String locale) {
		String shown = locales.readable(locale);
		String fallback = locales.defaultLocale();
		Map<Long, Long> counts = new HashMap<>();
		for (Object[] row : translations.readableCountsByCategory(agent(user))) {
			counts.put((Long) row[0], (Long) row[1]);
		}
		List<Category> all = categories.all();
		return all.stream().filter(c -> c.getParent() == null).map(top -> {
			List<CategoryJson> children = all.stream().filter(c -> top.getId().equals(c.getParentId()))
				.map(c -> KbJson.category(c, shown, fallback, counts.getOrDefault(c.getId(), 0L), agent(user),
						List.of()))
				.toList();
			long count = counts.getOrDefault(top.getId(), 0L)
					+ children.stream().mapToLong(CategoryJson::articleCount).sum();
			return KbJson.category(top, shown, fallback, count, agent(user), children);
		}).toList();
	}

	@Operation(summary = "Create a category (admins): `names` per locale, the default locale's required; `parentId` nests it under a top-level category")
	@PostMapping("/categories")
	@Transactional
	ResponseEntity<CategoryJson> createCategory(@CurrentUser AuthenticatedUser user,
			@RequestBody CategoryInput input) {
		requireAgent(user).requireAdmin();
		Category category = categories.create(input);
		return ResponseEntity.created(URI.create("/api/v1/kb/categories/" + category.getId()))
			.body(KbJson.category(category, locales.defaultLocale(), locales.defaultLocale(), 0L, true, List.of()));
	}

	@Operation(summary = "Rename, reorder, move or reslug a category (admins); `parentId: 0` moves it to the top level")
	@PatchMapping("/categories/{id}")
	@Transactional
	CategoryJson changeCategory(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestBody CategoryInput input) {
		requireAgent(user).requireAdmin();
		Category category = categories.change(id, input);
		categoryRows.flush();
		return KbJson.category(category, locales.defaultLocale(), locales.defaultLocale(), null, true, List.of());
	}

	@Operation(summary = "Delete an empty category (admins)")
	@DeleteMapping("/categories/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteCategory(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		requireAgent(user).requireAdmin();
		categories.delete(id);
	}

	@Operation(summary = "List articles, newest change first, or best match first with `q`; customers see published public ones")
	@GetMapping("/articles")
	@Transactional(readOnly = true)
	PageResult<ArticleJson> articles(@CurrentUser AuthenticatedUser user,
			@RequestParam(required = false) Long categoryId, @RequestParam(required = false) ArticleKind kind,
			@RequestParam(required = false) ArticleTranslation.State state,
			@RequestParam(required = false) String locale,
			@RequestParam(required = false) Article.Visibility visibility,
			@RequestParam(defaultValue = "false") boolean outdated, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
		if (page < 0) {
			throw InvalidInputException.of("page", "errors.knowledge.page");
		}
		if (size < 1 || size > 100) {
			throw InvalidInputException.of("size", "errors.knowledge.size", 100);
		}
		String code = locale == null || locale.isBlank() ? null : locales.require("locale", locale);
		if (q != null && q.length() > ArticleSearch.MAX_QUERY) {
			throw InvalidInputException.of("q", "errors.knowledge.query", ArticleSearch.MAX_QUERY);
		}
		ArticleList.Filter filter = new ArticleList.Filter(categoryId, kind, state, code, visibility, outdated, q);
		return list.page(filter, audience(user), page, size).map(a -> KbJson.article(a, agent(user), false));
	}

	@Operation(summary = "Create an article with its first translation (agents)")
	@PostMapping("/articles")
	@Transactional
	ResponseEntity<ArticleJson> create(@CurrentUser AuthenticatedUser user, @RequestBody NewArticle input) {
		Article article = editor.create(input, requireAgent(user));
		translations.flush();
		return ResponseEntity.created(URI.create("/api/v1/kb/articles/" + article.getId()))
			.body(KbJson.article(article, true, true));
	}

	@Operation(summary = "Read an article with its translations (customers: its published translations of a public article)")
	@GetMapping("/articles/{id}")
	@Transactional(readOnly = true)
	ArticleJson read(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		return KbJson.article(readable(user, id), agent(user), true);
	}

	@Operation(summary = "Change an article's kind, category, visibility, default locale, video or position (agents); a stale `version` is 409")
	@PatchMapping("/articles/{id}")
	@Transactional
	ArticleJson change(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestBody ArticleChange change) {
		Article article = editor.change(id, change, requireAgent(user));
		translations.flush();
		return KbJson.article(article, true, true);
	}

	@Operation(summary = "Delete an article with its translations and revisions (agents)")
	@DeleteMapping("/articles/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		requireAgent(user);
		editor.delete(id);
	}

	@Operation(summary = "Write the translation in `locale`, created on first save; every change is a revision (agents)")
	@PutMapping("/articles/{id}/translations/{locale}")
	@Transactional
	KbJson.TranslationJson write(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@PathVariable String locale, @RequestBody TranslationInput input) {
		ArticleTranslation translation = editor.write(id, locale, input, requireAgent(user));
		translations.flush();
		return KbJson.translation(translation.getArticle(), translation, true, true);
	}

	@Operation(summary = "The revisions of a translation, newest first (agents)")
	@GetMapping("/articles/{id}/translations/{locale}/revisions")
	@Transactional(readOnly = true)
	List<RevisionJson> revisions(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@PathVariable String locale) {
		requireAgent(user);
		ArticleTranslation translation = editor.translation(editor.require(id), locale);
		return editor.revisions(translation).stream().map(KbJson::revision).toList();
	}

	@Operation(summary = "Restore a revision's text as a new revision; the translation keeps its state (agents)")
	@PostMapping("/articles/{id}/translations/{locale}/revisions/{number}/restore")
	@Transactional
	KbJson.TranslationJson restore(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@PathVariable String locale, @PathVariable int number) {
		ArticleTranslation translation = editor.restore(id, locale, number, requireAgent(user));
		translations.flush();
		return KbJson.translation(translation.getArticle(), translation, true, true);
	}

	@Operation(summary = "Upload a picture for articles (agents): PNG, JPEG, GIF or WebP up to 5 MB, its type read from its bytes; answers its address and the Markdown to paste")
	@PostMapping(path = "/images", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<KbImageController.Uploaded> upload(@CurrentUser AuthenticatedUser user,
			@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file)
			throws java.io.IOException {
		KbImage image = KbImageController.store(images, file, requireAgent(user));
		return ResponseEntity.created(URI.create(image.url())).body(KbImageController.uploaded(image));
	}

	private Article readable(AuthenticatedUser user, long id) {
		Article article = editor.require(id);
		if (!agent(user) && (article.isInternal()
				|| article.getTranslations().stream().noneMatch(ArticleTranslation::isPublished))) {
			throw NotFoundException.of("errors.knowledge.article-not-found", id);
		}
		return article;
	}
}

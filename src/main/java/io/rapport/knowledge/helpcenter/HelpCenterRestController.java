package io.rapport.knowledge.helpcenter;

import java.time.Instant;
import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.knowledge.KnowledgeApi;
import io.rapport.knowledge.KnowledgeApi.ArticlePage;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.knowledge.KnowledgeApi.SearchResults;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Votes and article search in the API, open to anonymous callers like the help center itself: customers and
 * anonymous callers find and vote on published public articles only; agents also find internal ones.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Help center", description = "Votes on articles and article search, as readers use them")
class HelpCenterRestController {

	static final int MAX_SIZE = 50;

	private final KnowledgeApi knowledge;

	private final Readers readers;

	private final ArticleVotes votes;

	private final ReaderActivity activity;

	private final HelpCenterLook look;

	HelpCenterRestController(KnowledgeApi knowledge, Readers readers, ArticleVotes votes, ReaderActivity activity,
			HelpCenterLook look) {
		this.knowledge = knowledge;
		this.readers = readers;
		this.votes = votes;
		this.activity = activity;
		this.look = look;
	}

	record VoteRequest(@NotBlank @Size(max = 8) String locale, @NotNull Boolean helpful,
			@Size(max = ArticleVotes.COMMENT_LENGTH) String comment) {
	}

	record VoteResponse(long articleId, String locale, boolean helpful, String comment) {
	}

	record ArticleHit(long articleId, String locale, String slug, String title, String summary, String kind,
			Instant updatedAt, String url, String snippetHtml, float score) {
	}

	record ArticleSearchResponse(String query, String locale, long total, int page, int size, List<ArticleHit> items) {
	}

	@Operation(summary = "Say whether an article helped (one vote per visitor and article; voting again changes it)")
	@PostMapping("/kb/articles/{id}/votes")
	VoteResponse vote(@PathVariable long id, @Valid @RequestBody VoteRequest request, HttpServletRequest http,
			HttpServletResponse response) {
		String locale = checkedLocale(request.locale());
		ArticlePage article = knowledge.article(id, locale, Audience.CUSTOMER).filter(page -> !page.internal())
			.orElseThrow(() -> NotFoundException.of("errors.not-found"));
		Reader reader = readers.identified(http, response);
		ArticleVotes.Vote vote = votes.vote(article.articleId(), article.locale(), request.helpful(), request.comment(),
				reader);
		return new VoteResponse(vote.articleId(), vote.locale(), vote.helpful(), vote.comment());
	}

	@Operation(summary = "Search articles: results in the asked locale first, with highlighted snippets")
	@GetMapping("/search/articles")
	ArticleSearchResponse search(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String locale, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "10") int size, HttpServletRequest http) {
		String query = q == null ? "" : q.strip();
		if (query.isEmpty() || query.length() > ReaderActivity.QUERY_LENGTH) {
			throw InvalidInputException.of("q", "errors.kb.search.query");
		}
		if (page < 0 || page > 1000) {
			throw InvalidInputException.of("page", "errors.kb.search.page");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw InvalidInputException.of("size", "errors.kb.search.size", MAX_SIZE);
		}
		String asked = locale == null || locale.isBlank() ? look.settings().defaultLocale() : checkedLocale(locale);
		boolean agent = user != null && user.isAgent();
		SearchResults results = knowledge.search(query, asked, agent ? Audience.AGENT : Audience.CUSTOMER, page * size,
				size);
		if (!agent && page == 0) {
			activity.searched(query, asked, (int) Math.min(Integer.MAX_VALUE, results.total()), "API", readers.of(http));
		}
		List<ArticleHit> items = results.hits().stream().map(hit -> new ArticleHit(hit.article().articleId(),
				hit.article().locale(), hit.article().slug(), hit.article().title(), hit.article().summary(),
				hit.article().kind(), hit.article().updatedAt(),
				HelpUrls.absolute(HelpUrls.article(hit.article().locale(), hit.article().slug())), hit.snippetHtml(),
				hit.score())).toList();
		return new ArticleSearchResponse(query, asked, results.total(), page, size, items);
	}

	private static String checkedLocale(String locale) {
		if (!HelpLocales.supported(locale)) {
			throw InvalidInputException.of("locale", "errors.contact.locale", String.valueOf(locale),
					String.join(", ", HelpLocales.SUPPORTED));
		}
		return locale;
	}
}

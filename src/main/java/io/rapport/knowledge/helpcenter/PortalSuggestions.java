package io.rapport.knowledge.helpcenter;

import java.util.List;

import io.rapport.knowledge.KnowledgeApi;
import io.rapport.knowledge.KnowledgeApi.ArticlePage;
import io.rapport.knowledge.KnowledgeApi.ArticleSummary;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Deflection in the portal's new-request form: while the customer types a subject, up to five published public
 * articles that may already answer it ({@link KnowledgeApi#suggest}); opening one goes through here to be
 * counted, and "my question was answered" ends the form without a request. Self-service is offered, never
 * forced: the form stays usable all along. Under {@code /portal}, so only signed-in contacts reach it.
 */
@Controller
class PortalSuggestions {

	static final int LIMIT = 5;

	private final KnowledgeApi knowledge;

	private final Deflections deflections;

	private final Readers readers;

	PortalSuggestions(KnowledgeApi knowledge, Deflections deflections, Readers readers) {
		this.knowledge = knowledge;
		this.deflections = deflections;
		this.readers = readers;
	}

	@GetMapping("/portal/suggestions")
	String suggest(@RequestParam(defaultValue = "") String subject,
			@RequestParam(name = "deflection", required = false) String session, HttpServletRequest request,
			Model model) {
		String text = subject.strip();
		String id = Deflections.session(session).orElseGet(Deflections::newSession);
		List<ArticleSummary> articles = text.length() < 3 || text.length() > 250 ? List.of()
				: knowledge.suggest(text, language(), LIMIT);
		if (!articles.isEmpty()) {
			deflections.shown(id, articles.stream().map(ArticleSummary::articleId).toList(), readers.of(request));
		}
		model.addAttribute("suggestions", articles);
		model.addAttribute("deflection", id);
		return "helpcenter/suggestions :: list";
	}

	@GetMapping("/portal/suggestions/{session}/articles/{articleId}")
	String open(@PathVariable String session, @PathVariable long articleId, HttpServletRequest request) {
		ArticlePage article = knowledge.article(articleId, language(), Audience.CUSTOMER).filter(page -> !page.internal())
			.orElseThrow(() -> NotFoundException.of("errors.not-found"));
		Deflections.session(session).ifPresent(id -> deflections.opened(id, articleId, readers.of(request)));
		return "redirect:" + HelpUrls.article(article.locale(), article.slug());
	}

	@PostMapping("/portal/suggestions/answered")
	String answered(@RequestParam(name = "deflection", required = false) String session, HttpServletRequest request,
			Model model) {
		Deflections.session(session).ifPresent(id -> deflections.answered(id, readers.of(request)));
		return "redirect:/portal/suggestions/answered";
	}

	@GetMapping("/portal/suggestions/answered")
	String thanks() {
		return "helpcenter/answered";
	}

	/** The portal's language (the request's, narrowed to the help center's). */
	private static String language() {
		String language = LocaleContextHolder.getLocale().getLanguage();
		return HelpLocales.supported(language) ? language : "en";
	}
}

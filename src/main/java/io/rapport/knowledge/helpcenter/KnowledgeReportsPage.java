package io.rapport.knowledge.helpcenter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.knowledge.KnowledgeApi;
import io.rapport.knowledge.KnowledgeApi.ArticlePage;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The help center's reports for agents and admins: what people searched (and what found nothing, per locale),
 * how articles are read and voted on, and how often a suggestion in the portal ended a request before it was sent.
 */
@Controller
@WorkspacePage
class KnowledgeReportsPage {

	static final String ACTIVE_VIEW = "knowledge:reports";

	static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

	private final KnowledgeReports reports;

	private final KnowledgeApi knowledge;

	KnowledgeReportsPage(KnowledgeReports reports, KnowledgeApi knowledge) {
		this.reports = reports;
		this.knowledge = knowledge;
	}

	@Bean
	static SidebarContribution helpCenterSidebar() {
		return () -> List.of(
				SidebarEntry.link("helpcenter.nav.section", 320, "helpcenter.nav.reports", "/knowledge/reports", ACTIVE_VIEW),
				SidebarEntry.link("helpcenter.nav.section", 321, "helpcenter.nav.public", "/help", "help:public"));
	}

	@GetMapping("/knowledge/reports")
	String show(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "30") int days,
			@RequestParam(required = false) String locale, Model model) {
		user.requireAgent();
		int period = PERIODS.contains(days) ? days : 30;
		String only = HelpLocales.supported(locale) ? locale : null;
		KnowledgeReports.Period range = reports.lastDays(period);
		List<KnowledgeReports.ArticleRow> articles = reports.articles(range, 50);
		List<KnowledgeReports.DeflectionRow> deflection = reports.deflectionByArticle(range, 25);
		List<KnowledgeReports.CommentRow> comments = reports.comments(range, 20);
		Map<Long, String> titles = new HashMap<>();
		articles.forEach(row -> titles.computeIfAbsent(row.articleId(), id -> title(id, row.locale())));
		deflection.forEach(row -> titles.computeIfAbsent(row.articleId(), id -> title(id, "en")));
		comments.forEach(row -> titles.computeIfAbsent(row.articleId(), id -> title(id, row.locale())));
		model.addAttribute("days", period);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("locale", only);
		model.addAttribute("locales", HelpLocales.SUPPORTED);
		model.addAttribute("topSearches", reports.topSearches(range, only, 25));
		model.addAttribute("nothingFound", reports.nothingFound(range, only, 25));
		model.addAttribute("articles", articles);
		model.addAttribute("comments", comments);
		model.addAttribute("deflection", deflection);
		model.addAttribute("weeks", reports.deflectionByWeek(range));
		model.addAttribute("titles", titles);
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "helpcenter/reports";
	}

	private String title(long articleId, String locale) {
		return knowledge.article(articleId, HelpLocales.supported(locale) ? locale : "en", Audience.AGENT)
			.map(ArticlePage::title).orElse("#" + articleId);
	}
}

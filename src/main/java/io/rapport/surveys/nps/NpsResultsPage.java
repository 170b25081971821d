package io.rapport.surveys.nps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * NPS results for agents: the score of all campaigns or one, promoters/passives/detractors, the distribution 0-10
 * (bars drawn by CSS widths from the numbers, with the same numbers in a table), the trend by week or month, the
 * response rate, and the comments, filterable by category.
 */
@Controller
@WorkspacePage
class NpsResultsPage {

	static final String ACTIVE_VIEW = "surveys:nps";

	static final List<Integer> PERIODS = List.of(30, 90, 180, 365);

	static final List<String> CATEGORIES = List.of("promoter", "passive", "detractor");

	private final NpsReports reports;

	private final NpsService nps;

	private final AccountsApi accounts;

	private final Clock clock;

	NpsResultsPage(NpsReports reports, NpsService nps, AccountsApi accounts, Clock clock) {
		this.reports = reports;
		this.nps = nps;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Bean
	static SidebarContribution npsSidebar() {
		return () -> List.of(SidebarEntry.link("surveys.nav.section", 340, "nps.nav.results", "/nps", ACTIVE_VIEW));
	}

	@GetMapping("/nps")
	String show(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) Long campaign,
			@RequestParam(defaultValue = "90") int days, @RequestParam(defaultValue = "week") String by,
			@RequestParam(required = false) String category, Model model) {
		user.requireAgent();
		List<Campaign> campaigns = nps.all();
		Long chosen = campaign != null && campaigns.stream().anyMatch(c -> c.id() == campaign) ? campaign : null;
		int period = PERIODS.contains(days) ? days : 90;
		boolean monthly = "month".equals(by);
		String only = category != null && CATEGORIES.contains(category) ? category : null;
		Instant now = clock.instant();
		NpsReports.Period range = new NpsReports.Period(now.minus(Duration.ofDays(period)), now.plusSeconds(1));
		NpsScore score = reports.score(chosen, range);
		List<Answers.Answer> comments = reports.comments(chosen, range, only, 50);
		Map<Long, ContactView> contacts = accounts.contacts(comments.stream().map(Answers.Answer::contactId)
			.distinct().toList());
		model.addAttribute("campaigns", campaigns);
		model.addAttribute("campaign", chosen);
		model.addAttribute("days", period);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("by", monthly ? "month" : "week");
		model.addAttribute("category", only);
		model.addAttribute("categories", CATEGORIES);
		model.addAttribute("score", score);
		model.addAttribute("scale", java.util.stream.IntStream.rangeClosed(0, 10).boxed().toList());
		model.addAttribute("rate", reports.responseRate(chosen, range));
		model.addAttribute("trend", reports.trend(chosen, range, monthly));
		model.addAttribute("comments", comments);
		model.addAttribute("contacts", contacts);
		model.addAttribute("campaignNames", campaigns.stream()
			.collect(java.util.stream.Collectors.toMap(Campaign::id, Campaign::name)));
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "surveys/nps-results";
	}
}

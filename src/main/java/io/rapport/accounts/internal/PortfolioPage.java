package io.rapport.accounts.internal;

import java.util.List;

import io.rapport.accounts.AccountsApi;
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
 * "My portfolio": the accounts a success manager owns with plan, MRR, renewal and stage, soonest renewal first.
 * Any agent may look at a colleague's portfolio (agents read everything about accounts).
 */
@Controller
@WorkspacePage
class PortfolioPage {

	static final String ACTIVE_VIEW = "success:portfolio";

	private final AccountsApi accounts;

	private final AccountSuccessModel model;

	PortfolioPage(AccountsApi accounts, AccountSuccessModel model) {
		this.accounts = accounts;
		this.model = model;
	}

	@Bean
	static SidebarContribution successSidebar() {
		return () -> List.of(SidebarEntry.link("success.nav.section", 320, "success.nav.portfolio", "/portfolio",
				ACTIVE_VIEW));
	}

	@GetMapping("/portfolio")
	String portfolio(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) Long owner, Model page) {
		user.requireAgent();
		long ownerId = owner == null ? user.id() : owner;
		page.addAttribute("ownerId", ownerId);
		page.addAttribute("mine", ownerId == user.id());
		page.addAttribute("accounts", accounts.portfolio(ownerId));
		page.addAttribute("managers", model.managers());
		page.addAttribute("activeView", ACTIVE_VIEW);
		return "accounts/portfolio";
	}
}

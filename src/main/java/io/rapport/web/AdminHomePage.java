package io.rapport.web;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin area's start page: a tile for each admin page modules contribute ({@code AdminLink} beans), and the
 * API documentation.
 */
@Controller
@WorkspacePage
class AdminHomePage {

	@GetMapping("/admin")
	String home(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("activeView", "admin:home");
		return "admin/index";
	}

	/** The start page itself closes the sidebar's admin section, under the name of what it adds: the API. */
	@Bean
	static SidebarContribution adminHomeEntry() {
		return () -> List.of(SidebarEntry.link("nav.admin", 990, "admin.api", "/admin", "admin:home").forAdmins());
	}
}

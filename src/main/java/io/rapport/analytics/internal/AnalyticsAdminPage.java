package io.rapport.analytics.internal;

import io.rapport.analytics.AnalyticsApi.Rebuilt;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins see how large each read model is and when it was last rebuilt, and rebuild them all from the sources. */
@Controller
@WorkspacePage
class AnalyticsAdminPage {

	static final String ACTIVE_VIEW = "admin:analytics";

	private final ReadModels models;

	AnalyticsAdminPage(ReadModels models) {
		this.models = models;
	}

	@Bean
	static AdminLink analyticsAdminLink() {
		return new AdminLink("analytics.admin.title", "analytics.admin.subtitle", "/admin/analytics", ACTIVE_VIEW, 80);
	}

	@GetMapping("/admin/analytics")
	String show(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("sizes", models.sizes());
		model.addAttribute("rebuilds", models.lastRebuilds());
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "analytics/admin";
	}

	@PostMapping("/admin/analytics/rebuild")
	String rebuild(@CurrentUser AuthenticatedUser user, RedirectAttributes redirect) {
		user.requireAdmin();
		Rebuilt rebuilt = models.rebuild();
		redirect.addFlashAttribute("rebuilt", rebuilt);
		return "redirect:/admin/analytics";
	}
}

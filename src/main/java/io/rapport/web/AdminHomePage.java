package io.rapport.web;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin area's start page: links to each module's admin pages and to the API documentation. */
@Controller
class AdminHomePage {

	@GetMapping("/admin")
	String home(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("activeView", "admin:home");
		return "admin/index";
	}
}

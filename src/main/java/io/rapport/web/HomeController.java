package io.rapport.web;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@WorkspacePage
class HomeController {

	@GetMapping("/")
	String home(@CurrentUser AuthenticatedUser user) {
		return user != null && user.isContact() ? "redirect:/portal" : "redirect:/tickets";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}
}

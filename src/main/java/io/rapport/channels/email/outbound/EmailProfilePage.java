package io.rapport.channels.email.outbound;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An agent's choice of the notices they get by email, reached from their profile page. */
@Controller
@WorkspacePage
class EmailProfilePage {

	private final AgentMailSettings settings;

	private final PageForms forms;

	EmailProfilePage(AgentMailSettings settings, PageForms forms) {
		this.settings = settings;
		this.forms = forms;
	}

	@GetMapping("/profile/email")
	String show(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAgent();
		model.addAttribute("settings", settings.of(user.id()));
		model.addAttribute("activeView", "profile");
		return "channels/outbound-profile";
	}

	@PostMapping("/profile/email")
	String save(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "false") boolean newTicket,
			@RequestParam(defaultValue = "false") boolean assigned,
			@RequestParam(defaultValue = "false") boolean customerReplied, RedirectAttributes redirect) {
		user.requireAgent();
		settings.save(user.id(), new AgentMailSettings.Settings(newTicket, assigned, customerReplied));
		redirect.addFlashAttribute("notice", forms.message("outbound.profile.saved"));
		return "redirect:/profile/email";
	}
}

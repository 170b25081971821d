package io.rapport.activity.internal;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins create and revoke write keys ({@code /admin/write-keys}; a new key is shown on the next page only, then
 * never again) and mark event names as value events or core features ({@code /admin/usage-events}).
 */
@Controller
@WorkspacePage
class ActivityAdminPages {

	private final WriteKeys keys;

	private final EventKinds kinds;

	private final PageForms forms;

	ActivityAdminPages(WriteKeys keys, EventKinds kinds, PageForms forms) {
		this.keys = keys;
		this.kinds = kinds;
		this.forms = forms;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		AdminLink writeKeysAdminLink() {
			return new AdminLink("activity.keys.title", "activity.keys.subtitle", "/admin/write-keys",
					"admin:write-keys", 90);
		}

		@Bean
		AdminLink usageEventsAdminLink() {
			return new AdminLink("activity.events.title", "activity.events.subtitle", "/admin/usage-events",
					"admin:usage-events", 91);
		}
	}

	@GetMapping("/admin/write-keys")
	String writeKeys(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("keys", keys.all());
		model.addAttribute("activeView", "admin:write-keys");
		return "activity/write-keys";
	}

	@PostMapping("/admin/write-keys")
	String createKey(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String name,
			RedirectAttributes redirect) {
		user.requireAdmin();
		try {
			redirect.addFlashAttribute("created", keys.create(name, user.email()));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", forms.message(e));
			redirect.addFlashAttribute("typedName", name);
		}
		return "redirect:/admin/write-keys";
	}

	@PostMapping("/admin/write-keys/{id}/revoke")
	String revokeKey(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAdmin();
		keys.revoke(id);
		redirect.addFlashAttribute("notice", forms.message("activity.keys.revoked"));
		return "redirect:/admin/write-keys";
	}

	@GetMapping("/admin/usage-events")
	String usageEvents(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("kinds", kinds.all());
		model.addAttribute("activeView", "admin:usage-events");
		return "activity/usage-events";
	}

	@PostMapping("/admin/usage-events")
	String markEvent(@CurrentUser AuthenticatedUser user, @RequestParam String event,
			@RequestParam(defaultValue = "false") boolean valueEvent,
			@RequestParam(defaultValue = "false") boolean coreFeature, RedirectAttributes redirect) {
		user.requireAdmin();
		try {
			kinds.mark(event, valueEvent, coreFeature);
			redirect.addFlashAttribute("notice", forms.message("activity.events.saved", event));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", forms.message(e));
		}
		return "redirect:/admin/usage-events";
	}
}

package io.rapport.knowledge.helpcenter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The help center's look for admins: company name, logo, brand colour and default language. */
@Controller
@WorkspacePage
class HelpCenterAdminPage {

	static final String ACTIVE_VIEW = "admin:help-center";

	private final HelpCenterLook look;

	private final PageForms forms;

	HelpCenterAdminPage(HelpCenterLook look, PageForms forms) {
		this.look = look;
		this.forms = forms;
	}

	@Bean
	static AdminLink helpCenterAdminLink() {
		return new AdminLink("helpcenter.admin.title", "helpcenter.admin.subtitle", "/admin/help-center", ACTIVE_VIEW, 60);
	}

	@GetMapping("/admin/help-center")
	String show(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		HelpCenterSettings settings = look.settings();
		return page(model, settings.companyName(), settings.brandColor(), settings.defaultLocale(), Map.of());
	}

	@PostMapping("/admin/help-center")
	String save(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "") String companyName,
			@RequestParam(defaultValue = "") String brandColor, @RequestParam(defaultValue = "") String defaultLocale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		user.requireAdmin();
		try {
			look.save(companyName, brandColor, defaultLocale);
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return page(model, companyName, brandColor, defaultLocale, Map.of(e.field(), forms.message(e)));
		}
		redirect.addFlashAttribute("notice", forms.message("helpcenter.admin.saved"));
		return "redirect:/admin/help-center";
	}

	@PostMapping("/admin/help-center/logo")
	String logo(@CurrentUser AuthenticatedUser user, @RequestParam(name = "logo", required = false) MultipartFile file,
			Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		user.requireAdmin();
		byte[] bytes = file == null || file.getSize() > HelpCenterLook.LOGO_BYTES ? null : file.getBytes();
		Optional<String> type = LogoCheck.contentType(bytes);
		if (type.isEmpty()) {
			response.setStatus(400);
			HelpCenterSettings settings = look.settings();
			return page(model, settings.companyName(), settings.brandColor(), settings.defaultLocale(),
					Map.of("logo", forms.message(InvalidInputException.of("logo", "errors.helpcenter.logo"))));
		}
		look.saveLogo(bytes, type.get());
		redirect.addFlashAttribute("notice", forms.message("helpcenter.admin.logo.saved"));
		return "redirect:/admin/help-center";
	}

	@PostMapping("/admin/help-center/logo/delete")
	String removeLogo(@CurrentUser AuthenticatedUser user, RedirectAttributes redirect) {
		user.requireAdmin();
		look.removeLogo();
		redirect.addFlashAttribute("notice", forms.message("helpcenter.admin.logo.removed"));
		return "redirect:/admin/help-center";
	}

	private String page(Model model, String companyName, String brandColor, String defaultLocale,
			Map<String, String> errors) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("companyName", companyName);
		form.put("brandColor", brandColor);
		form.put("defaultLocale", defaultLocale);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("hc", look.settings());
		model.addAttribute("locales", HelpLocales.SUPPORTED);
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "helpcenter/admin-settings";
	}
}

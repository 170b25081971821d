package io.rapport.surveys.csat;

import java.util.LinkedHashMap;
import java.util.Map;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins set when the CSAT survey is asked and its wording in each language (the bundle's until changed). */
@Controller
@WorkspacePage
class CsatAdminPage {

	static final String ACTIVE_VIEW = "admin:surveys";

	private final CsatSettings settings;

	private final PageForms forms;

	CsatAdminPage(CsatSettings settings, PageForms forms) {
		this.settings = settings;
		this.forms = forms;
	}

	@Bean
	static AdminLink surveysAdminLink() {
		return new AdminLink("surveys.admin.title", "surveys.admin.subtitle", "/admin/surveys", ACTIVE_VIEW, 60);
	}

	@GetMapping("/admin/surveys")
	String show(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		return page(model, new LinkedHashMap<>(), null);
	}

	@PostMapping("/admin/surveys/delay")
	String delay(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String delayMinutes,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		try {
			settings.saveDelay(minutes(delayMinutes));
			redirect.addFlashAttribute("notice", forms.message("surveys.admin.delaySaved"));
			return "redirect:/admin/surveys";
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put("delayMinutes", forms.message(e));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("typedDelay", delayMinutes);
			return page(model, errors, null);
		}
	}

	@PostMapping("/admin/surveys/texts/{language}")
	String texts(@CurrentUser AuthenticatedUser user, @PathVariable String language,
			@RequestParam(required = false) String question, @RequestParam(required = false) String thanks,
			@RequestParam(required = false) String commentPrompt, @RequestParam(required = false) String reset,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		if (!CsatSettings.LANGUAGES.contains(language)) {
			throw io.rapport.shared.NotFoundException.of("errors.not-found");
		}
		try {
			if (reset != null) {
				settings.resetTexts(language);
			}
			else {
				settings.saveTexts(language, question, thanks, commentPrompt);
			}
			redirect.addFlashAttribute("notice", forms.message("surveys.admin.textsSaved",
					forms.message("surveys.language." + language)));
			return "redirect:/admin/surveys#texts-" + language;
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put(language + "-" + e.field(), forms.message(e));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("typed", new CsatSettings.Texts(question, thanks, commentPrompt, true));
			return page(model, errors, language);
		}
	}

	private static Integer minutes(String value) {
		return value != null && value.strip().matches("\\d{1,6}") ? Integer.valueOf(value.strip()) : null;
	}

	private String page(Model model, Map<String, String> errors, String typedLanguage) {
		Map<String, CsatSettings.Texts> texts = new LinkedHashMap<>();
		for (String language : CsatSettings.LANGUAGES) {
			texts.put(language, language.equals(typedLanguage) ? (CsatSettings.Texts) model.getAttribute("typed")
					: settings.texts(language));
		}
		model.addAttribute("delayMinutes", settings.delayMinutes());
		model.addAttribute("maxDelay", CsatSettings.MAX_DELAY_MINUTES);
		model.addAttribute("texts", texts);
		model.addAttribute("errors", errors);
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "surveys/csat-admin";
	}
}

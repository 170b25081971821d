package io.rapport.channels.email.outbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins reword the mails Rapport sends, per template and language: the list says which are changed, the edit page
 * shows the placeholders, refuses unknown ones, and resets to the default.
 */
@Controller
@WorkspacePage
class MailTemplatePages {

	static final int MAX_SUBJECT = 500;

	static final int MAX_BODY = 20_000;

	private final MailTemplates templates;

	private final PageForms forms;

	MailTemplatePages(MailTemplates templates, PageForms forms) {
		this.templates = templates;
		this.forms = forms;
	}

	@GetMapping("/admin/mail/templates")
	String list(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		List<Row> rows = new ArrayList<>();
		for (String key : MailTemplates.KEYS) {
			Map<String, Boolean> changed = new LinkedHashMap<>();
			MailTemplates.LANGUAGES.forEach(l -> changed.put(l, templates.override(key, l).isPresent()));
			rows.add(new Row(key, changed));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("activeView", "admin:mail-templates");
		return "channels/mail-templates";
	}

	@GetMapping("/admin/mail/templates/{key}/{language}")
	String edit(@CurrentUser AuthenticatedUser user, @PathVariable String key, @PathVariable String language,
			Model model) {
		user.requireAdmin();
		check(key, language);
		MailTemplates.Wording wording = templates.wording(key, language);
		return form(model, key, language, wording.subject(), wording.body(), wording.overridden(), Map.of());
	}

	@PostMapping("/admin/mail/templates/{key}/{language}")
	String save(@CurrentUser AuthenticatedUser user, @PathVariable String key, @PathVariable String language,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String body, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		check(key, language);
		Map<String, String> errors = new LinkedHashMap<>();
		validate("subject", subject, MAX_SUBJECT, errors);
		validate("body", body, MAX_BODY, errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, key, language, subject, body, templates.override(key, language).isPresent(), errors);
		}
		templates.save(key, language, HeaderText.clean(subject), body.replace("\r\n", "\n"));
		redirect.addFlashAttribute("notice", forms.message("outbound.templates.saved"));
		return "redirect:/admin/mail/templates/" + key + "/" + language;
	}

	@PostMapping("/admin/mail/templates/{key}/{language}/reset")
	String reset(@CurrentUser AuthenticatedUser user, @PathVariable String key, @PathVariable String language,
			RedirectAttributes redirect) {
		user.requireAdmin();
		check(key, language);
		templates.reset(key, language);
		redirect.addFlashAttribute("notice", forms.message("outbound.templates.resetDone"));
		return "redirect:/admin/mail/templates/" + key + "/" + language;
	}

	private void validate(String field, String value, int max, Map<String, String> errors) {
		if (value == null || value.isBlank() || value.length() > max) {
			errors.put(field, forms.message("errors.mail.template-" + field, max));
			return;
		}
		List<String> unknown = MailTemplates.unknownPlaceholders(value);
		if (!unknown.isEmpty()) {
			errors.put(field, forms.message("errors.mail.template-placeholder", "{" + unknown.get(0) + "}"));
		}
	}

	private static void check(String key, String language) {
		if (!MailTemplates.KEYS.contains(key) || !MailTemplates.LANGUAGES.contains(language)) {
			throw NotFoundException.of("errors.mail.template-not-found", key + "/" + language);
		}
	}

	private String form(Model model, String key, String language, String subject, String body, boolean overridden,
			Map<String, String> errors) {
		model.addAttribute("key", key);
		model.addAttribute("language", language);
		model.addAttribute("subject", subject);
		model.addAttribute("body", body);
		model.addAttribute("overridden", overridden);
		model.addAttribute("placeholders", MailTemplates.PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
		model.addAttribute("errors", errors);
		model.addAttribute("activeView", "admin:mail-templates");
		return "channels/mail-templates-edit";
	}

	/** A template and, per language, whether an admin changed it. */
	record Row(String key, Map<String, Boolean> changed) {
	}
}

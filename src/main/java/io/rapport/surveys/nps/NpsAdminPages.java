package io.rapport.surveys.nps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.AccountView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.surveys.NpsCampaignDraft;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → NPS: the campaigns, a form to create or change one (name, audience, channels, schedule, question per
 * language), and pause/resume. Dates are entered and shown in UTC.
 */
@Controller
@WorkspacePage
class NpsAdminPages {

	static final String ACTIVE_VIEW = "admin:nps";

	private final NpsService nps;

	private final CampaignRules rules;

	private final AccountsApi accounts;

	private final PageForms forms;

	private final Clock clock;

	private final NpsSettings settings;

	NpsAdminPages(NpsService nps, CampaignRules rules, AccountsApi accounts, PageForms forms, Clock clock,
			NpsSettings settings) {
		this.settings = settings;
		this.nps = nps;
		this.rules = rules;
		this.accounts = accounts;
		this.forms = forms;
		this.clock = clock;
	}

	@Bean
	static AdminLink npsAdminLink() {
		return new AdminLink("nps.admin.title", "nps.admin.subtitle", "/admin/nps", ACTIVE_VIEW, 75);
	}

	@GetMapping("/admin/nps")
	String list(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("campaigns", nps.all());
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "surveys/nps-admin";
	}

	@GetMapping("/admin/nps/new")
	String create(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		Map<String, String> form = new HashMap<>();
		form.put("audience", "ALL");
		form.put("schedule", "RECURRING");
		form.put("everyDays", "90");
		form.put("byEmail", "true");
		form.put("byPortal", "true");
		form.put("active", "true");
		form.put("startsAt", LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC)
			.toString());
		return form(model, null, form, rules.defaultQuestions(), Map.of());
	}

	@GetMapping("/admin/nps/{id}")
	String edit(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		user.requireAdmin();
		Campaign c = nps.campaign(id);
		Map<String, String> form = new HashMap<>();
		form.put("name", c.name());
		form.put("company", c.company());
		form.put("audience", c.audience().name());
		form.put("emails", String.join("\n", c.emails()));
		form.put("schedule", c.schedule().name());
		form.put("everyDays", c.everyDays() == null ? "" : String.valueOf(c.everyDays()));
		form.put("startsAt", LocalDateTime.ofInstant(c.startsAt(), ZoneOffset.UTC).toString());
		form.put("byEmail", String.valueOf(c.byEmail()));
		form.put("byPortal", String.valueOf(c.byPortal()));
		form.put("active", String.valueOf(c.active()));
		form.put("version", String.valueOf(c.version()));
		c.accountIds().forEach(a -> form.put("account." + a, "true"));
		Map<String, String> questions = new LinkedHashMap<>(rules.defaultQuestions());
		questions.putAll(c.questions());
		return form(model, c, form, questions, Map.of());
	}

	@PostMapping({ "/admin/nps", "/admin/nps/{id}" })
	String save(@CurrentUser AuthenticatedUser user, @PathVariable(required = false) Long id,
			@RequestParam Map<String, String> params, @RequestParam(name = "accountIds", required = false) List<Long> accountIds,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		user.requireAdmin();
		Map<String, String> questions = new LinkedHashMap<>();
		Campaign.LANGUAGES.forEach(l -> questions.put(l, params.getOrDefault("question." + l, "")));
		try {
			NpsCampaignDraft draft = new NpsCampaignDraft(params.get("name"), params.get("company"),
					params.get("audience"), accountIds, emails(params.get("emails")), params.containsKey("byEmail"),
					params.containsKey("byPortal"), params.get("schedule"), startsAt(params.get("startsAt")),
					everyDays(params.get("everyDays")), params.containsKey("active"), questions);
			if (id == null) {
				id = nps.createCampaign(draft, user.id());
			}
			else {
				nps.updateCampaign(id, draft, Long.parseLong(params.getOrDefault("version", "-1")));
			}
		}
		catch (InvalidInputException | ConflictException e) {
			response.setStatus(e instanceof ConflictException ? 409 : 400);
			Map<String, String> form = new HashMap<>(params);
			if (accountIds != null) {
				accountIds.forEach(a -> form.put("account." + a, "true"));
			}
			String field = e instanceof InvalidInputException invalid ? invalid.field() : "general";
			return form(model, id == null ? null : nps.campaign(id), form, questions,
					Map.of(field.startsWith("questions") ? "questions" : field, forms.message(e)));
		}
		redirect.addFlashAttribute("notice", forms.message("nps.admin.saved"));
		return "redirect:/admin/nps";
	}

	@PostMapping("/admin/nps/{id}/active")
	String active(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam boolean active,
			RedirectAttributes redirect) {
		user.requireAdmin();
		nps.setActive(id, active);
		redirect.addFlashAttribute("notice", forms.message(active ? "nps.admin.resumed" : "nps.admin.paused"));
		return "redirect:/admin/nps";
	}

	private String form(Model model, Campaign campaign, Map<String, String> form, Map<String, String> questions,
			Map<String, String> errors) {
		List<AccountView> accountList = new ArrayList<>(accounts.searchAccounts("", 0, 200).items());
		model.addAttribute("campaign", campaign);
		model.addAttribute("form", form);
		model.addAttribute("questions", questions);
		model.addAttribute("languages", Campaign.LANGUAGES);
		model.addAttribute("accountList", accountList);
		model.addAttribute("errors", errors);
		model.addAttribute("throttleDays", settings.throttleDays());
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "surveys/nps-edit";
	}

	private static List<String> emails(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
	}

	private static Instant startsAt(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of("startsAt", "errors.nps.startsAt");
		}
	}

	private static Integer everyDays(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("everyDays", "errors.nps.everyDays", CampaignRules.MAX_EVERY_DAYS);
		}
	}
}

package io.rapport.health.internal;

import java.util.List;
import java.util.Map;

import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "At risk" page success managers work from (sidebar, Customer success: their own accounts first, anyone's on
 * request) and the admins' scorecard page (measures, bands, flag thresholds, recompute now).
 */
@Controller
@WorkspacePage
class HealthPages {

	static final String AT_RISK_VIEW = "health:at-risk";

	static final String ADMIN_VIEW = "admin:health";

	private final AtRisk atRisk;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	private final Scorecard scorecard;

	private final HealthScoring scoring;

	private final PageForms forms;

	private final java.time.Clock clock;

	HealthPages(AtRisk atRisk, AccountsApi accounts, IdentityApi identity, Scorecard scorecard, HealthScoring scoring,
			PageForms forms, java.time.Clock clock) {
		this.atRisk = atRisk;
		this.accounts = accounts;
		this.identity = identity;
		this.scorecard = scorecard;
		this.scoring = scoring;
		this.forms = forms;
		this.clock = clock;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		SidebarContribution healthSidebar() {
			return () -> List.of(SidebarEntry.link("success.nav.section", 321, "health.atRisk.nav", "/health/at-risk",
					AT_RISK_VIEW));
		}

		@Bean
		AdminLink healthAdminLink() {
			return new AdminLink("health.admin.title", "health.admin.subtitle", "/admin/health", ADMIN_VIEW, 92);
		}
	}

	@GetMapping("/health/at-risk")
	String atRisk(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String owner, Model page) {
		user.requireAgent();
		Long ownerId;
		if (owner == null) {
			ownerId = accounts.portfolio(user.id()).isEmpty() ? null : user.id();
		}
		else {
			ownerId = "all".equals(owner) ? null : HealthRestController.owner(owner);
		}
		page.addAttribute("ownerId", ownerId);
		page.addAttribute("entries", atRisk.list(AtRisk.MAX_LIMIT, ownerId, LocaleContextHolder.getLocale()));
		page.addAttribute("rulesOnly", atRisk.rulesOnly()
			.map(status -> status.isBlank() ? forms.message("health.churn.none") : status).orElse(null));
		page.addAttribute("managers", identity.groupByKey(GroupView.SUCCESS)
			.map(g -> identity.activeAgentsIn(g.id())).orElse(List.of()));
		page.addAttribute("activeView", AT_RISK_VIEW);
		return "health/at-risk";
	}

	@GetMapping("/admin/health")
	String admin(@CurrentUser AuthenticatedUser user, Model page) {
		user.requireAdmin();
		page.addAttribute("measures", scorecard.measures());
		page.addAttribute("settings", scorecard.settings().values());
		page.addAttribute("activeView", ADMIN_VIEW);
		return "health/scorecard";
	}

	@PostMapping("/admin/health/measures/{key}")
	String changeMeasure(@CurrentUser AuthenticatedUser user, @PathVariable String key,
			@RequestParam(required = false) String weight, @RequestParam(required = false) String direction,
			@RequestParam(required = false) String thresholds, @RequestParam(defaultValue = "0") long version,
			RedirectAttributes redirect) {
		user.requireAdmin();
		try {
			scorecard.change(key, number(weight, "weight"), direction, thresholds, version);
			redirect.addFlashAttribute("notice", forms.message("health.admin.saved",
					forms.message("health.measure." + key)));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", forms.message("health.measure." + key) + ": " + forms.message(e));
		}
		return "redirect:/admin/health";
	}

	@PostMapping("/admin/health/settings")
	String changeSettings(@CurrentUser AuthenticatedUser user, @RequestParam Map<String, String> values,
			RedirectAttributes redirect) {
		user.requireAdmin();
		try {
			for (String key : scorecard.settings().values().keySet()) {
				String value = values.get(key);
				if (value != null && !value.isBlank()) {
					scorecard.set(key, number(value, key));
				}
			}
			redirect.addFlashAttribute("notice", forms.message("health.admin.settingsSaved"));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", forms.message(e));
		}
		return "redirect:/admin/health#settings";
	}

	@PostMapping("/admin/health/recompute")
	String recompute(@CurrentUser AuthenticatedUser user, RedirectAttributes redirect) {
		user.requireAdmin();
		HealthScoring.Result result = scoring.recompute(java.time.LocalDate.ofInstant(clock.instant(),
				java.time.ZoneOffset.UTC));
		redirect.addFlashAttribute("notice", forms.message("health.admin.recomputed", result.scored(),
				result.flagsRaised(), result.flagsCleared()));
		return "redirect:/admin/health";
	}

	private static double number(String value, String field) {
		try {
			return Double.parseDouble(value == null ? "" : value.strip().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "errors.health.number", value);
		}
	}
}

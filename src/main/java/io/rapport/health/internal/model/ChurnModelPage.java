package io.rapport.health.internal.model;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The churn model as admins judge it ({@code /admin/churn-model}): whether it is in use and why not, what it was
 * trained and validated on, its quality on the validation cutoff (ROC-AUC, precision at the flagged share,
 * calibration by decile) and the measures it leans on most. Admins may train it now instead of waiting a night.
 */
@Controller
@WorkspacePage
class ChurnModelPage {

	private final ChurnModels models;

	private final ChurnModelTraining training;

	private final MessageSource messages;

	ChurnModelPage(ChurnModels models, ChurnModelTraining training, MessageSource messages) {
		this.models = models;
		this.training = training;
		this.messages = messages;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		AdminLink churnModelAdminLink() {
			return new AdminLink("churn.title", "churn.subtitle", "/admin/churn-model", "admin:churn-model", 95);
		}
	}

	/** A term as the page shows it: the measure's label, what of it (value, change, missing), the coefficient. */
	record TermRow(String label, String kind, double coefficient) {
	}

	@GetMapping("/admin/churn-model")
	String page(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		var latest = models.latest();
		var inUse = models.latestTrained();
		model.addAttribute("latest", latest.orElse(null));
		model.addAttribute("model", inUse.orElse(null));
		model.addAttribute("status", latest.map(run -> InstalledChurnEstimates.statusOf(run, messages,
				LocaleContextHolder.getLocale())).orElse(messages.getMessage("churn.status.never", null,
						LocaleContextHolder.getLocale())));
		model.addAttribute("terms", inUse.map(m -> m.strongestTerms(10).stream()
			.map(t -> new TermRow(InstalledChurnEstimates.measureLabel(t.feature().measureKey(), messages),
					t.feature().kind().name(), t.coefficient()))
			.toList()).orElse(java.util.List.of()));
		model.addAttribute("activeView", "admin:churn-model");
		return "health/churn-model";
	}

	@PostMapping("/admin/churn-model/train")
	String train(@CurrentUser AuthenticatedUser user, RedirectAttributes redirect) {
		user.requireAdmin();
		ChurnModel run = training.train();
		redirect.addFlashAttribute("notice", InstalledChurnEstimates.statusOf(run, messages,
				LocaleContextHolder.getLocale()));
		return "redirect:/admin/churn-model";
	}
}

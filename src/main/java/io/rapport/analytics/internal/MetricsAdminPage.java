package io.rapport.analytics.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.activity.ActivityApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins set what the business metrics need and cannot know: the reporting currency, the company's time zone,
 * the gross margin, the exchange rates of each month and the sales and marketing spend of each month. The revenue
 * model can be rebuilt from the subscription ledger here too.
 */
@Controller
@WorkspacePage
class MetricsAdminPage {

	static final String ACTIVE_VIEW = "admin:metrics";

	private final MetricSettings settings;

	private final RevenueModel model;

	private final MessageSource messages;

	private final Clock clock;

	private final ActivityApi activity;

	MetricsAdminPage(MetricSettings settings, RevenueModel model, ActivityApi activity, MessageSource messages,
			Clock clock) {
		this.activity = activity;
		this.settings = settings;
		this.model = model;
		this.messages = messages;
		this.clock = clock;
	}

	@Bean
	static AdminLink metricsAdminLink() {
		return new AdminLink("analytics.metrics.title", "analytics.metrics.subtitle", "/admin/metrics", ACTIVE_VIEW, 81);
	}

	@GetMapping("/admin/metrics")
	String show(@CurrentUser AuthenticatedUser user, Model page) {
		user.requireAdmin();
		RevenueSettings s = settings.settings();
		YearMonth now = s.monthOf(clock.instant());
		Map<String, MetricSettings.Spend> spend = new LinkedHashMap<>();
		settings.spend(now.minusMonths(23), now).forEach(e -> spend.put(e.month().toString(), e));
		List<Map<String, Object>> months = new ArrayList<>();
		for (YearMonth m = now; !m.isBefore(now.minusMonths(23)); m = m.minusMonths(1)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("month", m.toString());
			row.put("spend", spend.get(m.toString()));
			months.add(row);
		}
		page.addAttribute("settings", s);
		page.addAttribute("rates", settings.rates());
		page.addAttribute("months", months);
		page.addAttribute("thisMonth", now.toString());
		page.addAttribute("activeView", ACTIVE_VIEW);
		return "analytics/metrics-admin";
	}

	@PostMapping("/admin/metrics/settings")
	String saveSettings(@CurrentUser AuthenticatedUser user, @RequestParam String reportingCurrency,
			@RequestParam String timeZone, @RequestParam String grossMargin, RedirectAttributes redirect) {
		user.requireAdmin();
		return done(redirect, () -> model.saveSettings(reportingCurrency, timeZone, grossMargin),
				"analytics.metrics.saved");
	}

	@PostMapping("/admin/metrics/rates")
	String saveRate(@CurrentUser AuthenticatedUser user, @RequestParam String month, @RequestParam String currency,
			@RequestParam(required = false) String rate, RedirectAttributes redirect) {
		user.requireAdmin();
		return done(redirect, () -> settings.putRate(MetricsQuery.month(month, "month", null), currency, rate),
				"analytics.metrics.rateSaved");
	}

	@PostMapping("/admin/metrics/spend")
	String saveSpend(@CurrentUser AuthenticatedUser user, @RequestParam String month,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String currency,
			RedirectAttributes redirect) {
		user.requireAdmin();
		return done(redirect, () -> settings.putSpend(MetricsQuery.month(month, "month", null),
				MetricSettings.cents(amount, currency == null || currency.isBlank()
						? settings.settings().reportingCurrency() : currency), currency), "analytics.metrics.spendSaved");
	}

	@PostMapping("/admin/metrics/rebuild")
	String rebuild(@CurrentUser AuthenticatedUser user, RedirectAttributes redirect) {
		user.requireAdmin();
		long movements = model.rebuildRevenue();
		long usageRows = activity.rebuildCohorts();
		redirect.addFlashAttribute("notice", text("analytics.metrics.rebuilt", movements, usageRows));
		return "redirect:/admin/metrics";
	}

	private String done(RedirectAttributes redirect, Runnable action, String notice) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", text(notice));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
		}
		return "redirect:/admin/metrics";
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}

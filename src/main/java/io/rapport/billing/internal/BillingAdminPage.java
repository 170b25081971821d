package io.rapport.billing.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Currency;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PublicLinks;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Billing: the webhook URL to paste into Stripe, its signing secret (entered here, stored sealed, never shown
 * back), the last events received with their outcome, the Stripe customers no account was found for with a form to
 * map each, and the CSV import of subscriptions with its preview.
 */
@Controller
@WorkspacePage
class BillingAdminPage {

	static final String ACTIVE_VIEW = "admin:billing";

	private final BillingSettings settings;

	private final StripeWebhooks webhooks;

	private final SubscriptionImport imports;

	private final AccountLookup lookup;

	private final PublicLinks links;

	private final MessageSource messages;

	BillingAdminPage(BillingSettings settings, StripeWebhooks webhooks, SubscriptionImport imports,
			AccountLookup lookup, PublicLinks links, MessageSource messages) {
		this.settings = settings;
		this.webhooks = webhooks;
		this.imports = imports;
		this.lookup = lookup;
		this.links = links;
		this.messages = messages;
	}

	@Bean
	static AdminLink billingAdminLink() {
		return new AdminLink("billing.title", "billing.subtitle", "/admin/billing", ACTIVE_VIEW, 82);
	}

	@GetMapping("/admin/billing")
	String show(@CurrentUser AuthenticatedUser user, Model page) {
		user.requireAdmin();
		page.addAttribute("webhookUrl", links.to(StripeWebhookController.PATH));
		page.addAttribute("secretSavedAt", settings.secretSavedAt().orElse(null));
		page.addAttribute("events", webhooks.lastEvents(50));
		page.addAttribute("ignoredCount", webhooks.ignoredCount());
		page.addAttribute("unmapped", webhooks.unmappedCustomers());
		page.addAttribute("columns", String.join(",", SubscriptionImport.COLUMNS.stream()
			.filter(c -> !c.equals("mrr")).toList()));
		page.addAttribute("activeView", ACTIVE_VIEW);
		return "billing/admin";
	}

	@PostMapping("/admin/billing/secret")
	String saveSecret(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String secret,
			RedirectAttributes redirect) {
		user.requireAdmin();
		try {
			settings.saveStripeSecret(secret);
			redirect.addFlashAttribute("notice", text("billing.secret.saved"));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
		}
		return "redirect:/admin/billing";
	}

	@PostMapping("/admin/billing/customers/{customerId}/map")
	String map(@CurrentUser AuthenticatedUser user, @PathVariable String customerId,
			@RequestParam(required = false) String account, RedirectAttributes redirect) {
		user.requireAdmin();
		try {
			var target = lookup.find(account, "account");
			webhooks.map(customerId, target.id());
			redirect.addFlashAttribute("notice", text("billing.customers.mapped", customerId, target.name()));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
		}
		return "redirect:/admin/billing";
	}

	@PostMapping("/admin/billing/import")
	String importCsv(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String csv,
			@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "preview") String action,
			RedirectAttributes redirect) throws IOException {
		user.requireAdmin();
		String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
		if (text != null && text.length() > BillingRestController.MAX_CSV_BYTES) {
			redirect.addFlashAttribute("error", text("billing.import.error.tooLarge",
					BillingRestController.MAX_CSV_BYTES / 1024 / 1024));
			return "redirect:/admin/billing#import";
		}
		SubscriptionImport.Report report = imports.run(text, !"import".equals(action));
		redirect.addFlashAttribute("report", report);
		redirect.addFlashAttribute("csv", text);
		if (report.written()) {
			redirect.addFlashAttribute("notice", text("billing.import.done", report.toCreate(), report.toSkip()));
		}
		else if (report.refused()) {
			redirect.addFlashAttribute("error", text("billing.import.refused", report.errors().size()));
		}
		return "redirect:/admin/billing#import";
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/** Money in minor units as the reader's locale writes it: {@code @billingFormat.money(4900, 'EUR')}. */
	@Component("billingFormat")
	static class BillingFormat {

		public String money(Long cents, String currency) {
			if (cents == null || currency == null) {
				return "–";
			}
			try {
				Currency c = Currency.getInstance(currency);
				NumberFormat format = NumberFormat.getCurrencyInstance(LocaleContextHolder.getLocale());
				format.setCurrency(c);
				int digits = Math.max(0, c.getDefaultFractionDigits());
				format.setMinimumFractionDigits(digits);
				format.setMaximumFractionDigits(digits);
				return format.format(BigDecimal.valueOf(cents).movePointLeft(digits));
			}
			catch (IllegalArgumentException e) {
				return cents + " " + currency;
			}
		}
	}
}

package io.rapport.accounts.internal;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewAccount;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for accounts, the B2B customers; an account's page lists its contacts. */
@Controller
@WorkspacePage
class AccountAdminPages {

	static final int PAGE_SIZE = 25;

	private final AccountsApi accounts;

	private final PageForms forms;

	AccountAdminPages(AccountsApi accounts, PageForms forms) {
		this.accounts = accounts;
		this.forms = forms;
	}

	@GetMapping("/admin/accounts")
	String list(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		user.requireAdmin();
		String query = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
		model.addAttribute("result", accounts.searchAccounts(query, Math.max(0, Math.min(page, 10_000)), PAGE_SIZE));
		model.addAttribute("q", query);
		model.addAttribute("activeView", "admin:accounts");
		return "admin/accounts";
	}

	@GetMapping("/admin/accounts/new")
	String newAccount(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("form", new NewAccount(null, null, null));
		return form(model, null);
	}

	@PostMapping("/admin/accounts/new")
	String create(@CurrentUser AuthenticatedUser user, @Valid @ModelAttribute("form") NewAccount form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		if (!binding.hasErrors()) {
			try {
				AccountView account = accounts.createAccount(form);
				redirect.addFlashAttribute("notice", forms.message("admin.account.created", account.name()));
				return "redirect:/admin/accounts/" + account.id();
			}
			catch (ConflictException | InvalidInputException e) {
				PageForms.reject(binding, fieldOf(e), e);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null);
	}

	@GetMapping("/admin/accounts/{id}")
	String show(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		user.requireAdmin();
		AccountView account = account(id);
		model.addAttribute("form", new NewAccount(account.name(), account.domain(), account.externalId()));
		return form(model, account);
	}

	@PostMapping("/admin/accounts/{id}")
	String update(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") NewAccount form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		AccountView account = account(id);
		if (!binding.hasErrors()) {
			try {
				accounts.updateAccount(id, form);
				redirect.addFlashAttribute("notice", forms.message("admin.account.saved", form.name()));
				return "redirect:/admin/accounts/" + id;
			}
			catch (ConflictException | InvalidInputException e) {
				PageForms.reject(binding, fieldOf(e), e);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, account);
	}

	/** The duplicate the service names: another account has this domain or this external id. */
	private static String fieldOf(TranslatableException e) {
		return "errors.account.external-id-taken".equals(e.code()) ? "externalId" : "domain";
	}

	private AccountView account(long id) {
		return accounts.account(id).orElseThrow(() -> NotFoundException.of("errors.account.not-found", id));
	}

	private String form(Model model, AccountView account) {
		model.addAttribute("account", account);
		model.addAttribute("contacts", account == null ? java.util.List.of() : accounts.contactsOf(account.id()));
		model.addAttribute("activeView", "admin:accounts");
		return "admin/account-form";
	}
}

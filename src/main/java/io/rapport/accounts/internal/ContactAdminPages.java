package io.rapport.accounts.internal;

import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.accounts.NewContact;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.PageResult;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for contacts, the customers' people. An admin may give a contact a portal password, as an import
 * from another help desk would.
 */
@Controller
@WorkspacePage
class ContactAdminPages {

	private static final int ACCOUNT_CHOICES = 500;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	private final PageForms forms;

	ContactAdminPages(AccountsApi accounts, IdentityApi identity, PageForms forms) {
		this.accounts = accounts;
		this.identity = identity;
		this.forms = forms;
	}

	@GetMapping("/admin/contacts")
	String list(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		user.requireAdmin();
		String query = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
		PageResult<ContactView> result = accounts.searchContacts(query, Math.max(0, Math.min(page, 10_000)),
				AccountAdminPages.PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("accountNames", accounts.accounts(result.items().stream().map(ContactView::accountId)
			.filter(java.util.Objects::nonNull).collect(Collectors.toSet())).values().stream()
			.collect(Collectors.toMap(AccountView::id, AccountView::name)));
		model.addAttribute("q", query);
		model.addAttribute("activeView", "admin:contacts");
		return "admin/contacts";
	}

	@GetMapping("/admin/contacts/new")
	String newContact(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) Long accountId,
			Model model) {
		user.requireAdmin();
		model.addAttribute("form", new ContactForm(null, null, accountId, null, null, null));
		return form(model, null);
	}

	@PostMapping("/admin/contacts/new")
	String create(@CurrentUser AuthenticatedUser user, @Valid @ModelAttribute("form") ContactForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		if (form.email() == null || form.email().isBlank()) {
			binding.rejectValue("email", "required", forms.message("form.required"));
		}
		if (locale(form) != null && !AccountsApi.LANGUAGES.contains(form.locale().strip())) {
			binding.rejectValue("locale", "locale", forms.message("errors.contact.locale", form.locale(),
					String.join(", ", AccountsApi.LANGUAGES)));
		}
		if (!binding.hasErrors()) {
			try {
				ContactView contact = accounts.createContact(new NewContact(form.email(), form.name(),
						form.accountId(), blankToNull(form.password())));
				if (locale(form) != null) {
					accounts.setLocale(contact.id(), locale(form));
				}
				accounts.setContactRole(contact.id(), form.role());
				redirect.addFlashAttribute("notice", forms.message("admin.contact.created", contact.displayName()));
				return "redirect:/admin/contacts/" + contact.id();
			}
			catch (ConflictException e) {
				PageForms.reject(binding, "email", e);
			}
			catch (InvalidInputException e) {
				PageForms.reject(binding, PageForms.field(e.field(), "email", "email", "name", "accountId", "password",
						"locale"), e);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null);
	}

	@GetMapping("/admin/contacts/{id}")
	String show(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		user.requireAdmin();
		ContactView contact = contact(id);
		model.addAttribute("form", new ContactForm(contact.email(), contact.name(), contact.accountId(), null,
				contact.locale() == null ? null : contact.locale().toLanguageTag(), accounts.contactRole(id).orElse(null)));
		return form(model, contact);
	}

	@PostMapping("/admin/contacts/{id}")
	String update(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") ContactForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		ContactView contact = contact(id);
		if (!binding.hasFieldErrors("name") && !binding.hasFieldErrors("accountId")
				&& !binding.hasFieldErrors("password") && !binding.hasFieldErrors("locale")
				&& !binding.hasFieldErrors("role")) {
			try {
				accounts.setLocale(id, locale(form));
				accounts.updateContact(id, form.name(), form.accountId());
				accounts.setContactRole(id, form.role());
				if (blankToNull(form.password()) != null) {
					identity.grantPortalLogin(id, contact.email(), form.name() == null || form.name().isBlank()
							? contact.email() : form.name().strip(), form.password());
				}
				redirect.addFlashAttribute("notice", forms.message("admin.contact.saved", contact.email()));
				return "redirect:/admin/contacts/" + id;
			}
			catch (ConflictException e) {
				PageForms.reject(binding, "password", e);
			}
			catch (InvalidInputException e) {
				PageForms.reject(binding, PageForms.field(e.field(), "name", "name", "accountId", "password", "locale"), e);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, contact);
	}

	private ContactView contact(long id) {
		return accounts.contact(id).orElseThrow(() -> NotFoundException.of("errors.contact.not-found", id));
	}

	private String form(Model model, ContactView contact) {
		Map<Long, String> choices = accounts.searchAccounts(null, 0, ACCOUNT_CHOICES).items().stream()
			.collect(Collectors.toMap(AccountView::id, AccountView::name, (a, b) -> a, java.util.LinkedHashMap::new));
		model.addAttribute("contact", contact);
		model.addAttribute("accountChoices", choices);
		model.addAttribute("languages", AccountsApi.LANGUAGES);
		model.addAttribute("portalLogin", contact != null && identity.hasPortalLogin(contact.id()));
		model.addAttribute("activeView", "admin:contacts");
		return "admin/contact-form";
	}

	private static java.util.Locale locale(ContactForm form) {
		return blankToNull(form.locale()) == null ? null : java.util.Locale.forLanguageTag(form.locale().strip());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/**
	 * The email is only read when a contact is created: a contact's email identifies them. {@code locale} is the
	 * language they read (blank: unknown); {@code role} what they are at the customer (optional).
	 */
	record ContactForm(@Email(regexp = ".+@.+\\..+") @Size(max = 254) String email, @Size(max = 200) String name,
			Long accountId, @Size(max = 200) String password, @Size(max = 10) String locale,
			@Size(max = 100) String role) {
	}
}

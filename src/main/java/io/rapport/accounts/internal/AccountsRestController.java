package io.rapport.accounts.internal;

import java.net.URI;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.accounts.NewAccount;
import io.rapport.accounts.NewContact;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts and contacts", description = "Customer companies and the people who write in")
class AccountsRestController {

	private final AccountsApi accounts;

	AccountsRestController(AccountsApi accounts) {
		this.accounts = accounts;
	}

	@Operation(summary = "Create an account")
	@PostMapping("/accounts")
	ResponseEntity<AccountView> createAccount(@CurrentUser AuthenticatedUser user, @Valid @RequestBody NewAccount request) {
		user.requireAgent();
		AccountView account = accounts.createAccount(request);
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(account);
	}

	@Operation(summary = "Read one account")
	@GetMapping("/accounts/{id}")
	AccountView account(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		return accounts.account(id).orElseThrow(() -> NotFoundException.of("errors.account.not-found", id));
	}

	@Operation(summary = "Search accounts by name or domain")
	@GetMapping("/accounts")
	PageResult<AccountView> searchAccounts(@CurrentUser AuthenticatedUser user,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
		user.requireAgent();
		return accounts.searchAccounts(q, page, size);
	}

	@Operation(summary = "Create a contact (with a portal password: admins)")
	@PostMapping("/contacts")
	ResponseEntity<ContactView> createContact(@CurrentUser AuthenticatedUser user, @Valid @RequestBody NewContact request) {
		if (request.password() != null) {
			user.requireAdmin();
		}
		user.requireAgent();
		ContactView contact = accounts.createContact(request);
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())).body(contact);
	}

	@Operation(summary = "Read one contact (a customer: only themselves)")
	@GetMapping("/contacts/{id}")
	ContactView contact(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		if (user.isContact() && user.id() != id) {
			throw NotFoundException.of("errors.contact.not-found", id);
		}
		return accounts.contact(id).orElseThrow(() -> NotFoundException.of("errors.contact.not-found", id));
	}

	@Operation(summary = "Search contacts by name or email")
	@GetMapping("/contacts")
	PageResult<ContactView> searchContacts(@CurrentUser AuthenticatedUser user,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
		user.requireAgent();
		return accounts.searchContacts(q, page, size);
	}

	@Operation(summary = "Change a contact's language (en, zh, ro, ta or eo; null forgets it)")
	@PatchMapping("/contacts/{id}")
	ContactView changeContact(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @RequestBody ContactChange change) {
		user.requireAgent();
		return accounts.setLocale(id, change.locale() == null || change.locale().isBlank() ? null
				: java.util.Locale.forLanguageTag(change.locale().strip()));
	}

	/** What an agent may change on a contact through the API: their language. */
	record ContactChange(@jakarta.validation.constraints.Size(max = 10) String locale) {
	}
}

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

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AccountsRestController {

	private final AccountsApi accounts;

	AccountsRestController(AccountsApi accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/accounts")
	ResponseEntity<AccountView> createAccount(@CurrentUser AuthenticatedUser user, @Valid @RequestBody NewAccount request) {
		user.requireAgent();
		AccountView account = accounts.createAccount(request);
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(account);
	}

	@GetMapping("/accounts/{id}")
	AccountView account(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		return accounts.account(id).orElseThrow(() -> new NotFoundException("No account " + id));
	}

	@GetMapping("/accounts")
	PageResult<AccountView> searchAccounts(@CurrentUser AuthenticatedUser user,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
		user.requireAgent();
		return accounts.searchAccounts(q, page, size);
	}

	@PostMapping("/contacts")
	ResponseEntity<ContactView> createContact(@CurrentUser AuthenticatedUser user, @Valid @RequestBody NewContact request) {
		if (request.password() != null) {
			user.requireAdmin();
		}
		user.requireAgent();
		ContactView contact = accounts.createContact(request);
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())).body(contact);
	}

	@GetMapping("/contacts/{id}")
	ContactView contact(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		if (user.isContact() && user.id() != id) {
			throw new NotFoundException("No contact " + id);
		}
		return accounts.contact(id).orElseThrow(() -> new NotFoundException("No contact " + id));
	}

	@GetMapping("/contacts")
	PageResult<ContactView> searchContacts(@CurrentUser AuthenticatedUser user,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
		user.requireAgent();
		return accounts.searchContacts(q, page, size);
	}
}

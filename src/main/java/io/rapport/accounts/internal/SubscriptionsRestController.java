package io.rapport.accounts.internal;

import java.net.URI;
import java.util.List;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionChange;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.NotFoundException;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions: every agent reads them, admins and success managers change them, customers never see them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Subscriptions", description = "Plans, MRR and seats of accounts, and their dated movements")
class SubscriptionsRestController {

	private final SubscriptionsApi subscriptions;

	private final AccountsApi accounts;

	private final SuccessAccess access;

	SubscriptionsRestController(SubscriptionsApi subscriptions, AccountsApi accounts, SuccessAccess access) {
		this.subscriptions = subscriptions;
		this.accounts = accounts;
		this.access = access;
	}

	@Operation(summary = "Start a subscription (admins and success managers)")
	@PostMapping("/subscriptions")
	ResponseEntity<SubscriptionView> create(@CurrentUser AuthenticatedUser user,
			@Valid @RequestBody NewSubscription request) {
		access.requireWriter(user);
		SubscriptionView created = subscriptions.create(request, user.id());
		return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.id())).body(created);
	}

	@Operation(summary = "Read one subscription")
	@GetMapping("/subscriptions/{id}")
	SubscriptionView subscription(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		return subscriptions.subscription(id);
	}

	@Operation(summary = "Change plan, MRR or seats from a date; a cancelled subscription is reactivated")
	@PatchMapping("/subscriptions/{id}")
	SubscriptionView change(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @RequestBody SubscriptionChange request) {
		access.requireWriter(user);
		return subscriptions.change(id, request, user.id());
	}

	@Operation(summary = "Cancel a subscription from a date, with a reason")
	@PostMapping("/subscriptions/{id}/cancel")
	SubscriptionView cancel(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @RequestBody SubscriptionCancellation request) {
		access.requireWriter(user);
		return subscriptions.cancel(id, request, user.id());
	}

	@Operation(summary = "The subscriptions of an account, oldest first")
	@GetMapping("/accounts/{id}/subscriptions")
	List<SubscriptionView> ofAccount(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		accounts.account(id).orElseThrow(() -> NotFoundException.of("errors.account.not-found", id));
		return subscriptions.ofAccount(id);
	}
}

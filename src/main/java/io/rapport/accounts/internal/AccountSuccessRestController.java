package io.rapport.accounts.internal;

import java.util.List;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.StageChange;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An account's owner and lifecycle stage: agents read, admins and success managers change. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts and contacts")
class AccountSuccessRestController {

	private final AccountsApi accounts;

	private final SuccessAccess access;

	AccountSuccessRestController(AccountsApi accounts, SuccessAccess access) {
		this.accounts = accounts;
		this.access = access;
	}

	@Operation(summary = "Change an account's owner: {\"ownerId\": 12} gives it to a success manager, null to nobody")
	@PatchMapping("/accounts/{id}")
	AccountView change(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestBody JsonNode body) {
		access.requireWriter(user);
		require(id);
		if (body == null || !body.isObject() || !body.has("ownerId")) {
			throw InvalidInputException.of("ownerId", "errors.account.owner-not-success");
		}
		JsonNode owner = body.get("ownerId");
		if (!owner.isNull() && !owner.isIntegralNumber()) {
			throw InvalidInputException.of("ownerId", "errors.account.owner-not-success");
		}
		return accounts.setOwner(id, owner.isNull() ? null : owner.longValue());
	}

	@Operation(summary = "Move an account to a lifecycle stage, with a reason")
	@PostMapping("/accounts/{id}/stage")
	List<StageChange> move(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @RequestBody StageMove move) {
		access.requireWriter(user);
		require(id);
		accounts.moveStage(id, move.stage(), move.reason(), user);
		return accounts.stageHistory(id);
	}

	@Operation(summary = "An account's stage history, newest first")
	@GetMapping("/accounts/{id}/stages")
	List<StageChange> stages(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		require(id);
		return accounts.stageHistory(id);
	}

	private void require(long id) {
		accounts.account(id).orElseThrow(() -> NotFoundException.of("errors.account.not-found", id));
	}

	/** A hand move: the stage and why. */
	record StageMove(@NotNull LifecycleStage stage, @Size(max = 500) String reason) {
	}
}

package io.rapport.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.NewAgent;
import io.rapport.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "The caller, API tokens, agents and groups")
class IdentityRestController {

	private final IdentityApi identity;

	private final TokenService tokens;

	private final ApiTokens apiTokens;

	IdentityRestController(IdentityApi identity, TokenService tokens, ApiTokens apiTokens) {
		this.identity = identity;
		this.tokens = tokens;
		this.apiTokens = apiTokens;
	}

	@Operation(summary = "Who the caller is")
	@GetMapping("/me")
	AuthenticatedUser me(@CurrentUser AuthenticatedUser user) {
		return user;
	}

	@Operation(summary = "Mint an API token for the caller (shown once)")
	@PostMapping("/me/tokens")
	ResponseEntity<TokenService.MintedToken> mint(@CurrentUser AuthenticatedUser user,
			@Valid @RequestBody(required = false) TokenRequest request) {
		String name = request == null || request.name() == null || request.name().isBlank() ? "API token" : request.name().strip();
		TokenService.MintedToken minted = tokens.mint(user, name);
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + minted.id())).body(minted);
	}

	@Operation(summary = "List the caller's API tokens")
	@GetMapping("/me/tokens")
	List<TokenSummary> myTokens(@CurrentUser AuthenticatedUser user) {
		return apiTokens.findByOwnerKindAndOwnerIdOrderByCreatedAtDesc(user.kind(), user.id()).stream()
			.map(token -> new TokenSummary(token.getId(), token.getName(), token.getCreatedAt()))
			.toList();
	}

	@Operation(summary = "Revoke one of the caller's API tokens")
	@DeleteMapping("/me/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		tokens.revoke(user, id);
	}

	@Operation(summary = "List the support groups")
	@GetMapping("/groups")
	List<GroupView> groups(@CurrentUser AuthenticatedUser user) {
		user.requireAgent();
		return identity.groups();
	}

	@Operation(summary = "Create a support group (admins)")
	@PostMapping("/groups")
	ResponseEntity<GroupView> createGroup(@CurrentUser AuthenticatedUser user, @Valid @RequestBody NewGroup request) {
		user.requireAdmin();
		GroupView group = identity.createGroup(request.key(), request.name());
		return ResponseEntity.created(URI.create("/api/v1/groups/" + group.id())).body(group);
	}

	@Operation(summary = "List the agents")
	@GetMapping("/agents")
	List<AgentView> agents(@CurrentUser AuthenticatedUser user) {
		user.requireAgent();
		return identity.agents();
	}

	@Operation(summary = "Read one agent")
	@GetMapping("/agents/{id}")
	AgentView agent(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		return identity.agent(id).orElseThrow(() -> NotFoundException.of("errors.agent.not-found", id));
	}

	@Operation(summary = "Create an agent (admins)")
	@PostMapping("/agents")
	ResponseEntity<AgentView> createAgent(@CurrentUser AuthenticatedUser user, @Valid @RequestBody NewAgent request) {
		user.requireAdmin();
		AgentView agent = identity.createAgent(request);
		return ResponseEntity.created(URI.create("/api/v1/agents/" + agent.id())).body(agent);
	}

	record TokenRequest(@Size(max = 100) String name) {
	}

	record TokenSummary(long id, String name, Instant createdAt) {
	}

	record NewGroup(@NotBlank @Size(max = 40) String key, @NotBlank @Size(max = 100) String name) {
	}
}

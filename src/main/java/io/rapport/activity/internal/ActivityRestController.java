package io.rapport.activity.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.rapport.accounts.AccountsApi;
import io.rapport.activity.DailyUsage;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Write keys (admins) and an account's daily usage as Rapport counted it (agents). */
@RestController
@Tag(name = "Product usage")
class ActivityRestController {

	/** The longest span one usage request may ask for. */
	static final int MAX_DAYS = 366;

	private final WriteKeys keys;

	private final UsageReader usage;

	private final AccountsApi accounts;

	private final Clock clock;

	ActivityRestController(WriteKeys keys, UsageReader usage, AccountsApi accounts, Clock clock) {
		this.keys = keys;
		this.usage = usage;
		this.accounts = accounts;
		this.clock = clock;
	}

	record KeyInput(String name) {
	}

	record KeyJson(long id, String name, String hint, Instant createdAt, String createdBy, Instant revokedAt) {

		static KeyJson of(WriteKeys.KeyView key) {
			return new KeyJson(key.id(), key.name(), key.hint(), key.createdAt(), key.createdBy(), key.revokedAt());
		}
	}

	@Operation(summary = "Create a write key; the key is in this answer only")
	@PostMapping("/api/v1/write-keys")
	ResponseEntity<WriteKeys.Created> create(@CurrentUser AuthenticatedUser user,
			@RequestBody(required = false) KeyInput input) {
		user.requireAdmin();
		WriteKeys.Created created = keys.create(input == null ? null : input.name(), user.email());
		return ResponseEntity.created(URI.create("/api/v1/write-keys/" + created.id())).body(created);
	}

	@Operation(summary = "List write keys (never the keys themselves: their last four characters)")
	@GetMapping("/api/v1/write-keys")
	List<KeyJson> list(@CurrentUser AuthenticatedUser user) {
		user.requireAdmin();
		return keys.all().stream().map(KeyJson::of).toList();
	}

	@Operation(summary = "Revoke a write key: events sent with it are refused from now on")
	@DeleteMapping("/api/v1/write-keys/{id}")
	ResponseEntity<Void> revoke(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAdmin();
		keys.revoke(id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "An account's daily usage rollups (default: the last 30 days, UTC)")
	@GetMapping("/api/v1/accounts/{id}/usage")
	List<DailyUsage> usage(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String event) {
		user.requireAgent();
		if (accounts.account(id).isEmpty()) {
			throw NotFoundException.of("errors.account.not-found", id);
		}
		LocalDate last = day(to, "to", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		LocalDate first = day(from, "from", last.minusDays(29));
		if (first.isAfter(last)) {
			throw InvalidInputException.of("from", "errors.activity.range-order");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw InvalidInputException.of("from", "errors.activity.range-long", MAX_DAYS);
		}
		return usage.daily(id, first, last, event == null || event.isBlank() ? null : event.strip());
	}

	private static LocalDate day(String value, String field, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, "errors.activity.day", value);
		}
	}
}

package io.rapport.billing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Admins import subscriptions from CSV, see the Stripe events received and map Stripe customers to accounts. */
@RestController
@RequestMapping("/api/v1/billing")
@Tag(name = "Billing", description = """
		Subscriptions fed from billing (docs/billing.md). CSV columns: account (id, domain or exact name), plan, \
		mrrCents (or mrr as a decimal in the currency), currency, seats (default 1), startedAt, renewsAt, trialEndsAt, \
		cancelledAt, cancelReason; times ISO 8601 (a date or a time without zone is UTC). A dry run answers what each \
		row would do (create or skip: the account already has that plan started at that time) or its errors; an \
		import writes all rows or, when any row has an error, nothing (400 with every error).""")
class BillingRestController {

	static final long MAX_CSV_BYTES = 2 * 1024 * 1024;

	private final SubscriptionImport imports;

	private final StripeWebhooks webhooks;

	private final AccountLookup lookup;

	BillingRestController(SubscriptionImport imports, StripeWebhooks webhooks, AccountLookup lookup) {
		this.imports = imports;
		this.webhooks = webhooks;
		this.lookup = lookup;
	}

	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Import subscriptions from a CSV body (dryRun=true, the default, only previews)")
	ResponseEntity<Object> importCsv(@CurrentUser AuthenticatedUser user,
			@Parameter(description = "true (default): preview only; false: write all rows or none") @RequestParam(defaultValue = "true") String dryRun,
			@RequestBody String csv) {
		user.requireAdmin();
		return answer(imports.run(limit(csv), flag(dryRun)));
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import subscriptions from an uploaded CSV file (part \"file\")")
	ResponseEntity<Object> importFile(@CurrentUser AuthenticatedUser user,
			@RequestParam(defaultValue = "true") String dryRun, @RequestPart("file") MultipartFile file)
			throws IOException {
		user.requireAdmin();
		if (file.getSize() > MAX_CSV_BYTES) {
			throw InvalidInputException.of("file", "errors.billing.too-large", MAX_CSV_BYTES / 1024 / 1024);
		}
		return answer(imports.run(new String(file.getBytes(), StandardCharsets.UTF_8), flag(dryRun)));
	}

	@GetMapping("/stripe/events")
	@Operation(summary = "The last Stripe events received (newest first) with their outcome, and how many were ignored")
	Map<String, Object> events(@CurrentUser AuthenticatedUser user,
			@RequestParam(defaultValue = "50") int limit) {
		user.requireAdmin();
		if (limit < 1 || limit > 500) {
			throw InvalidInputException.of("limit", "errors.billing.limit", 1, 500);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("events", webhooks.lastEvents(limit));
		answer.put("ignoredCount", webhooks.ignoredCount());
		return answer;
	}

	@GetMapping("/stripe/customers/unmapped")
	@Operation(summary = "Stripe customers no account could be found for (by stored mapping or email domain)")
	List<StripeWebhooks.CustomerRow> unmapped(@CurrentUser AuthenticatedUser user) {
		user.requireAdmin();
		return webhooks.unmappedCustomers();
	}

	record Mapping(String account) {
	}

	@PostMapping("/stripe/customers/{customerId}/map")
	@Operation(summary = "Map an unmapped Stripe customer to an account (id, domain or exact name); its waiting subscriptions apply")
	StripeWebhooks.CustomerRow map(@CurrentUser AuthenticatedUser user, @PathVariable String customerId,
			@RequestBody Mapping mapping) {
		user.requireAdmin();
		long accountId = lookup.find(mapping == null ? null : mapping.account(), "account").id();
		webhooks.map(customerId, accountId);
		return webhooks.customer(customerId).orElseThrow();
	}

	private static ResponseEntity<Object> answer(SubscriptionImport.Report report) {
		if (report.refused() && !report.dryRun()) {
			List<Map<String, String>> errors = report.errors().stream()
				.map(e -> {
					Map<String, String> error = new LinkedHashMap<>(ApiProblems.fieldError(
							e.column().isEmpty() ? "file" : "rows[" + e.row() + "]." + e.column(), e.message()));
					error.put("row", String.valueOf(e.row()));
					error.put("column", e.column());
					return (Map<String, String>) error;
				})
				.toList();
			ResponseEntity<Object> problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-input",
					"Invalid input", "The file has " + errors.size() + " error(s); nothing was imported.", errors);
			((ProblemDetail) problem.getBody()).setProperty("report", report);
			return problem;
		}
		return ResponseEntity.ok(report);
	}

	private static String limit(String csv) {
		if (csv != null && csv.length() > MAX_CSV_BYTES) {
			throw InvalidInputException.of("body", "errors.billing.too-large", MAX_CSV_BYTES / 1024 / 1024);
		}
		return csv;
	}

	private static boolean flag(String value) {
		return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "true", "1", "yes" -> true;
			case "false", "0", "no" -> false;
			default -> throw InvalidInputException.of("dryRun", "errors.billing.dry-run", value);
		};
	}
}

package io.rapport.billing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoint Stripe posts events to. It authenticates each event by its {@code Stripe-Signature}, not by a user,
 * so the security configuration lets it through without a session or CSRF token. Any 2xx tells Stripe not to
 * retry: replays, stale and unknown events answer 200 too.
 */
@RestController
@Tag(name = "Billing")
class StripeWebhookController {

	static final String PATH = "/api/v1/billing/stripe/webhook";

	static final int MAX_BYTES = 512 * 1024;

	private final StripeWebhooks webhooks;

	StripeWebhookController(StripeWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(summary = "Receive one Stripe event (customer.created, customer.subscription.created|updated|deleted, "
			+ "invoice.paid; other types are counted and ignored), signed with the endpoint's secret",
			description = "Answers 200 with the outcome: APPLIED, UNCHANGED, STALE (older than the last event applied "
					+ "to its subscription), UNMAPPED (its customer has no account yet), RECORDED, IGNORED, REJECTED or "
					+ "DUPLICATE (a replay: nothing done). A signature that does not verify, or a timestamp more than "
					+ "300 seconds away, answers 400.")
	@PostMapping(PATH)
	ResponseEntity<Object> receive(
			@Parameter(description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>") @RequestHeader(name = "Stripe-Signature", required = false) String signature,
			HttpServletRequest request) throws IOException {
		byte[] body = read(request);
		if (body == null) {
			return ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
					"A Stripe event may be at most 512 KB.", List.of());
		}
		StripeWebhooks.Result result;
		try {
			result = webhooks.receive(body, signature);
		}
		catch (StripeWebhooks.Refused refused) {
			return "signature".equals(refused.reason)
					? ApiProblems.problem(HttpStatus.BAD_REQUEST, "bad-signature", "Bad signature",
							"The Stripe-Signature header does not verify.",
							List.of(ApiProblems.fieldError("Stripe-Signature", "does not verify")))
					: ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
							"The body is not a Stripe event.", List.of(ApiProblems.fieldError("body", "is not a Stripe event")));
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("received", true);
		answer.put("id", result.eventId());
		answer.put("type", result.type());
		answer.put("outcome", result.outcome().name());
		return ResponseEntity.ok(answer);
	}

	private static byte[] read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BYTES + 1);
			return body.length > MAX_BYTES ? null : body;
		}
	}
}

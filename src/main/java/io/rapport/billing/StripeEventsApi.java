package io.rapport.billing;

import io.rapport.billing.internal.StripeWebhooks;

import org.springframework.stereotype.Service;

/**
 * Stripe events from a trusted source inside the installation (the demo data; a replay of events fetched from
 * Stripe's API): applied exactly as the webhook applies them, idempotent and order-safe, but without a signature.
 */
@Service
public class StripeEventsApi {

	private final StripeWebhooks webhooks;

	StripeEventsApi(StripeWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	/** Applies one Stripe event (its JSON) and answers the outcome: APPLIED, UNMAPPED, DUPLICATE, ... */
	public String applyTrusted(byte[] event) {
		return webhooks.receiveTrusted(event).outcome().name();
	}

	/** Whether any Stripe event was ever received. */
	public boolean anyEvents() {
		return webhooks.anyEvents();
	}
}

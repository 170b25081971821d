/**
 * Billing: subscriptions fed from Stripe webhooks (signed, idempotent, order-safe) and from a CSV import, written
 * through accounts' {@code SubscriptionsApi}; the Billing admin page. Docs: docs/billing.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package io.rapport.billing;

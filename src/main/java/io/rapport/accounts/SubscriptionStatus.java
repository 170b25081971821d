package io.rapport.accounts;

/**
 * Read from the dates, not stored: a subscription is a trial until its trial ends, cancelled from the moment its
 * cancellation takes effect (a cancellation at the end of the term leaves it active until then).
 */
public enum SubscriptionStatus {
	TRIAL, ACTIVE, CANCELLED
}

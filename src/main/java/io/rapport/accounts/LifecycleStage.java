package io.rapport.accounts;

/** Where an account is in its life as a customer (seed 004): a new account starts in onboarding. */
public enum LifecycleStage {
	ONBOARDING, ADOPTION, RETENTION, EXPANSION, ADVOCACY
}

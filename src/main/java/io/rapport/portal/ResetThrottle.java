package io.rapport.portal;

import java.time.Duration;
import java.util.Map;

import io.rapport.shared.RateLimits;

import org.springframework.stereotype.Component;

/**
 * Limits "forgot password" requests: {@link #PER_ADDRESS} per address and {@link #PER_CLIENT} per client address
 * in {@link #WINDOW}, so nobody can flood a customer's inbox or walk through a list of addresses. A refused
 * request gets the same answer as any other. The counts live in the database ({@link RateLimits}), so they hold
 * over a restart and across nodes.
 */
@Component
class ResetThrottle {

	static final int PER_ADDRESS = 3;

	static final int PER_CLIENT = 10;

	static final Duration WINDOW = Duration.ofHours(1);

	static final String PREFIX = "password-reset:";

	private final RateLimits limits;

	ResetThrottle(RateLimits limits) {
		this.limits = limits;
	}

	/** Counts a request for {@code address} from {@code client}; false when either is over its budget. */
	boolean allow(String address, String client) {
		return limits.spend(Map.of(PREFIX + "address:" + address, PER_ADDRESS,
				PREFIX + "client:" + (client == null ? "unknown" : client), PER_CLIENT), WINDOW);
	}

	/** Forgets every request (tests). */
	void reset() {
		limits.forget(PREFIX);
	}
}

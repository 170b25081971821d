package io.rapport.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Limits "forgot password" requests: {@link #PER_ADDRESS} per address and {@link #PER_CLIENT} per client address
 * in {@link #WINDOW}, so nobody can flood a customer's inbox or walk through a list of addresses. A refused
 * request gets the same answer as any other. Kept in memory, like the sign-in throttle: a restart forgets.
 */
@Component
class ResetThrottle {

	static final int PER_ADDRESS = 3;

	static final int PER_CLIENT = 10;

	static final Duration WINDOW = Duration.ofHours(1);

	private static final int MAX_TRACKED = 50_000;

	private final Clock clock;

	private final Map<String, Deque<Instant>> requests = new HashMap<>();

	ResetThrottle(Clock clock) {
		this.clock = clock;
	}

	/** Counts a request for {@code address} from {@code client}; false when either is over its budget. */
	synchronized boolean allow(String address, String client) {
		Instant now = clock.instant();
		if (requests.size() > MAX_TRACKED) {
			requests.values().removeIf(times -> prune(times, now).isEmpty());
		}
		Deque<Instant> byAddress = prune(requests.computeIfAbsent("a:" + address, key -> new ArrayDeque<>()), now);
		Deque<Instant> byClient = prune(requests.computeIfAbsent("c:" + client, key -> new ArrayDeque<>()), now);
		if (byAddress.size() >= PER_ADDRESS || byClient.size() >= PER_CLIENT) {
			return false;
		}
		byAddress.addLast(now);
		byClient.addLast(now);
		return true;
	}

	/** Forgets every request (tests). */
	synchronized void reset() {
		requests.clear();
	}

	private static Deque<Instant> prune(Deque<Instant> times, Instant now) {
		Instant start = now.minus(WINDOW);
		while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
			times.removeFirst();
		}
		return times;
	}
}

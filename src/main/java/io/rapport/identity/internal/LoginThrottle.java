package io.rapport.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failed sign-ins for one email, or from one address, within the
 * window, further attempts are refused until the oldest failure leaves the window. Kept in memory: a restart
 * forgets, which is acceptable for a brake on guessing.
 */
@Component
public class LoginThrottle {

	static final int MAX_FAILURES_PER_EMAIL = 5;

	static final int MAX_FAILURES_PER_ADDRESS = 30;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private static final int MAX_TRACKED = 50_000;

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/** How long the caller must wait, or {@link Duration#ZERO} when it may try now. */
	public Duration waitTime(String email, String address) {
		Instant now = clock.instant();
		Duration byEmail = wait("email:" + email, MAX_FAILURES_PER_EMAIL, now);
		Duration byAddress = address == null ? Duration.ZERO : wait("addr:" + address, MAX_FAILURES_PER_ADDRESS, now);
		return byEmail.compareTo(byAddress) >= 0 ? byEmail : byAddress;
	}

	public void failed(String email, String address) {
		Instant now = clock.instant();
		if (failures.size() > MAX_TRACKED) {
			failures.entrySet().removeIf(entry -> expired(entry.getValue(), now));
		}
		record("email:" + email, now);
		if (address != null) {
			record("addr:" + address, now);
		}
	}

	public void succeeded(String email) {
		failures.remove("email:" + email);
	}

	private void record(String key, Instant now) {
		failures.compute(key, (k, times) -> {
			Deque<Instant> deque = times == null ? new ArrayDeque<>() : times;
			prune(deque, now);
			deque.addLast(now);
			return deque;
		});
	}

	private Duration wait(String key, int limit, Instant now) {
		Deque<Instant> times = failures.get(key);
		if (times == null) {
			return Duration.ZERO;
		}
		synchronized (times) {
			prune(times, now);
			if (times.size() < limit) {
				return Duration.ZERO;
			}
			return Duration.between(now, times.peekFirst().plus(WINDOW));
		}
	}

	private static void prune(Deque<Instant> times, Instant now) {
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
				times.removeFirst();
			}
		}
	}

	private static boolean expired(Deque<Instant> times, Instant now) {
		synchronized (times) {
			return times.isEmpty() || !times.peekLast().plus(WINDOW).isAfter(now);
		}
	}
}

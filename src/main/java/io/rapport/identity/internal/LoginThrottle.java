package io.rapport.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing anyone a way to lock an owner out. Every sign-in attempt is
 * counted before its password is checked ({@link #acquire}), so parallel guesses cannot all slip through; a
 * success gives the attempt back ({@link #succeeded}). Three budgets per {@link #WINDOW}:
 * <ul>
 * <li>one client guessing one account: {@link #PAIR_BUDGET} attempts, then that pair waits;</li>
 * <li>one client guessing any accounts: {@link #CLIENT_BUDGET}, then that client waits;</li>
 * <li>one account guessed from many clients: {@link #ACCOUNT_BUDGET}, then attempts for it are only spaced
 * {@link #ACCOUNT_SPACING} apart, never refused for long, so the owner still gets in from their own client.</li>
 * </ul>
 * Kept in memory: a restart forgets, which is acceptable for a brake on guessing.
 */
@Component
public class LoginThrottle {

	static final int PAIR_BUDGET = 5;

	static final int CLIENT_BUDGET = 30;

	static final int ACCOUNT_BUDGET = 100;

	static final Duration ACCOUNT_SPACING = Duration.ofSeconds(2);

	static final Duration WINDOW = Duration.ofMinutes(15);

	private static final int MAX_TRACKED = 50_000;

	private final Clock clock;

	private final Map<String, Deque<Instant>> attempts = new HashMap<>();

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Counts an attempt of {@code client} on {@code account}, or refuses it.
	 *
	 * @return the attempt, to hand to {@link #succeeded} when the password was right
	 * @throws LoginThrottledException when the caller must wait first
	 */
	public synchronized Attempt acquire(String account, String client) {
		Instant now = clock.instant();
		if (attempts.size() > MAX_TRACKED) {
			attempts.values().removeIf(times -> prune(times, now).isEmpty());
		}
		Attempt attempt = new Attempt(account, client == null ? "unknown" : client, now);
		Duration wait = max(overBudget(attempt.pairKey(), PAIR_BUDGET, now),
				overBudget(attempt.clientKey(), CLIENT_BUDGET, now));
		wait = max(wait, accountSpacing(attempt.accountKey(), now));
		if (!wait.isNegative() && !wait.isZero()) {
			throw new LoginThrottledException(wait);
		}
		record(attempt.pairKey(), now);
		record(attempt.clientKey(), now);
		record(attempt.accountKey(), now);
		return attempt;
	}

	/** The password was right: the attempt was not a guess, and this client's earlier misses on it are forgiven. */
	public synchronized void succeeded(Attempt attempt) {
		attempts.remove(attempt.pairKey());
		forget(attempt.clientKey(), attempt.at());
		forget(attempt.accountKey(), attempt.at());
	}

	/** Forgets everything; for tests, which share one application and one client address. */
	public synchronized void reset() {
		attempts.clear();
	}

	private Duration overBudget(String key, int budget, Instant now) {
		Deque<Instant> times = attempts.get(key);
		if (times == null || prune(times, now).size() < budget) {
			return Duration.ZERO;
		}
		return Duration.between(now, times.peekFirst().plus(WINDOW));
	}

	private Duration accountSpacing(String key, Instant now) {
		Deque<Instant> times = attempts.get(key);
		if (times == null || prune(times, now).size() < ACCOUNT_BUDGET) {
			return Duration.ZERO;
		}
		return Duration.between(now, times.peekLast().plus(ACCOUNT_SPACING));
	}

	private void record(String key, Instant now) {
		attempts.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
	}

	private void forget(String key, Instant at) {
		Deque<Instant> times = attempts.get(key);
		if (times != null) {
			times.removeLastOccurrence(at);
		}
	}

	private static Deque<Instant> prune(Deque<Instant> times, Instant now) {
		while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
			times.removeFirst();
		}
		return times;
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	/** One counted attempt: who tried which account, and when. */
	public record Attempt(String account, String client, Instant at) {

		String pairKey() {
			return "pair:" + client + "|" + account;
		}

		String clientKey() {
			return "client:" + client;
		}

		String accountKey() {
			return "account:" + account;
		}
	}
}

package io.rapport.identity.internal;

import java.time.Duration;

import io.rapport.shared.TranslatableException;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused for now; {@link #code()} and {@link #args()} say for how long, in any language. */
public class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	public LoginThrottledException(Duration retryAfter) {
		super(TranslatableException.english(code(retryAfter), amount(retryAfter)));
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	public String code() {
		return code(retryAfter);
	}

	public Object[] args() {
		return new Object[] { amount(retryAfter) };
	}

	private static String code(Duration wait) {
		return wait.toSeconds() < 60 ? "errors.login.throttled-seconds" : "errors.login.throttled-minutes";
	}

	private static String amount(Duration wait) {
		return String.valueOf(wait.toSeconds() < 60 ? Math.max(1, wait.toSeconds()) : wait.toMinutes() + 1);
	}
}

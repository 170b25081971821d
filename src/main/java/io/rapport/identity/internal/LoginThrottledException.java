package io.rapport.identity.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

public class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	public LoginThrottledException(Duration retryAfter) {
		super("Too many failed sign-ins. Try again in " + Math.max(1, retryAfter.toMinutes() + 1) + " minutes.");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}

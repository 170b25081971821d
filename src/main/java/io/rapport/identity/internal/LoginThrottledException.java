package io.rapport.identity.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

public class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	public LoginThrottledException(Duration retryAfter) {
		super(retryAfter.toSeconds() < 60
				? "Too many sign-in attempts. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds."
				: "Too many failed sign-ins. Try again in " + (retryAfter.toMinutes() + 1) + " minutes.");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}

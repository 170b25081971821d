package io.rapport.identity.internal;

import java.io.IOException;

import io.rapport.shared.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 (or 429 while sign-in is throttled) as a problem document, for API clients. */
class ProblemEntryPoint implements AuthenticationEntryPoint {

	private final ProblemWriter problems;

	private final MessageSource messages;

	ProblemEntryPoint(ProblemWriter problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		int status = 401;
		String title = "Unauthorized";
		String detail = "Sign in with HTTP Basic (email and password) or an API token (Authorization: Bearer).";
		if (e instanceof LoginThrottledException throttled) {
			status = 429;
			title = "Too many failed sign-ins";
			detail = messages.getMessage(throttled.code(), throttled.args(), throttled.getMessage(), request.getLocale());
			response.setHeader("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
		}
		else if (e != null && e.getMessage() != null && e.getMessage().contains("API token")) {
			detail = e.getMessage();
		}
		else {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Rapport\", Bearer");
		}
		problems.write(response, HttpStatus.valueOf(status), status == 429 ? "throttled" : "unauthorized", title, detail);
	}
}

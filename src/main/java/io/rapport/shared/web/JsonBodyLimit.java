package io.rapport.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON bodies larger than {@link #MAX_BYTES} before they are read, so an oversized request costs no memory
 * and gets a clear 413 rather than a parse error. Files go through multipart, which has its own limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JsonBodyLimit extends OncePerRequestFilter {

	static final long MAX_BYTES = 1024 * 1024;

	private final ProblemWriter problems;

	JsonBodyLimit(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase().contains("json") && request.getContentLengthLong() > MAX_BYTES) {
			problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
					"A JSON body may be at most 1 MB; send files as multipart.");
			return;
		}
		chain.doFilter(request, response);
	}
}

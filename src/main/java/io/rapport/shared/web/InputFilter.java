package io.rapport.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, a wildcard {@code Content-Type} (415) and query, form and multipart text
 * parameters that {@link TextRules} does not accept (400 naming the parameter): a problem document for the API,
 * the error page for pages.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InputFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	private final MessageSource messages;

	InputFilter(ProblemWriter problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.contains("*")) {
			refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"Unsupported media type", "Content-Type " + type + " is not a media type; send application/json.", null,
					null);
			return;
		}
		String field = unacceptable(request);
		if (field == null) {
			chain.doFilter(request, response);
			return;
		}
		String rule = messages.getMessage("errors.text.unacceptable", null, TextRules.RULE, request.getLocale());
		refuse(request, response, HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", field + " " + rule, field,
				rule);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String title, String detail, String field, String fieldDetail) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setType(URI.create(ApiProblems.TYPE_BASE + type));
			problem.setTitle(title);
			if (field != null) {
				problem.setProperty("errors", List.of(ApiProblems.fieldError(field, fieldDetail)));
			}
			problems.write(response, problem);
		}
		else {
			response.sendError(status.value(), detail);
		}
	}

	private static String unacceptable(HttpServletRequest request) {
		if (!TextRules.acceptable(request.getQueryString())) {
			return "query";
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException unreadable) {
			return null;
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (!TextRules.acceptable(parameter.getKey())) {
				return "parameter";
			}
			for (String value : parameter.getValue()) {
				if (!TextRules.acceptable(value)) {
					return parameter.getKey();
				}
			}
		}
		return null;
	}
}

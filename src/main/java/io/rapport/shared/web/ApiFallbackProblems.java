package io.rapport.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Problems for API errors that happen before any controller is chosen (an unknown path, a method or media type
 * the endpoint does not take), which {@link ApiProblems} never sees. Pages keep their HTML error pages.
 */
@Configuration(proxyBeanMethods = false)
class ApiFallbackProblems implements WebMvcConfigurer {

	private final ProblemWriter problems;

	ApiFallbackProblems(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.add(Math.min(1, resolvers.size()), this::resolve);
	}

	private ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/") || !(e instanceof ErrorResponse error)
				|| response.isCommitted()) {
			return null;
		}
		ProblemDetail problem = error.getBody();
		ApiProblems.ownWords(problem, request.getRequestURI());
		problem.setInstance(URI.create(request.getRequestURI()));
		try {
			error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
			problems.write(response, problem);
		}
		catch (IOException io) {
			return null;
		}
		return new ModelAndView();
	}
}

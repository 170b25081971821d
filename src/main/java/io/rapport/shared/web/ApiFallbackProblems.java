package io.rapport.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Problems for API errors that happen before any controller is chosen (an unknown path, a method or media type
 * the endpoint does not take, a multipart body without a boundary or cut short), which {@link ApiProblems} never
 * sees. Pages keep their HTML error pages.
 */
@Configuration(proxyBeanMethods = false)
class ApiFallbackProblems implements WebMvcConfigurer {

	private final ProblemWriter problems;

	private final MessageSource messages;

	ApiFallbackProblems(ProblemWriter problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.add(Math.min(1, resolvers.size()), this::resolve);
	}

	private ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/") || response.isCommitted()) {
			return null;
		}
		ProblemDetail problem;
		if (e instanceof MaxUploadSizeExceededException) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The upload is larger than the server accepts.");
			problem.setTitle("Upload too large");
		}
		else if (e instanceof MultipartException) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The multipart body cannot be read: it has no boundary, or it was cut short.");
			problem.setType(URI.create(ApiProblems.TYPE_BASE + "malformed-body"));
			problem.setTitle("Malformed request body");
		}
		else if (e instanceof ErrorResponse error) {
			problem = error.getBody();
			error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		}
		else {
			return null;
		}
		ProblemWords.ownWords(problem, request.getRequestURI(), messages);
		problem.setInstance(URI.create(request.getRequestURI()));
		try {
			problems.write(response, problem);
		}
		catch (IOException io) {
			return null;
		}
		return new ModelAndView();
	}
}

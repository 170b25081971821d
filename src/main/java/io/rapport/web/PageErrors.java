package io.rapport.web;

import io.rapport.shared.ForbiddenException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors that escape a workspace or admin page ({@link WorkspacePage}, in any module) become the friendly error
 * pages, with the right status. Form errors are shown beside their field by the controllers themselves; the API
 * has its own problem details and the portal its own pages.
 */
@ControllerAdvice(annotations = WorkspacePage.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	String notFound(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "error/404";
	}

	@ExceptionHandler(ForbiddenException.class)
	String forbidden(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "error/403";
	}
}

package io.rapport.portal;

import io.rapport.shared.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors on portal pages answer with portal pages. Another customer's ticket is "not found", exactly like one that
 * does not exist, so ids cannot be probed. Ordered before the agent pages' {@code PageErrors}, which would answer
 * with the workspace's error page.
 */
@ControllerAdvice(assignableTypes = { PortalTicketsController.class, PortalAccessController.class,
		PortalInvitationController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "portal/not-found";
	}
}

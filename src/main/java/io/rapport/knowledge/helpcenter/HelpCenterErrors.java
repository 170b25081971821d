package io.rapport.knowledge.helpcenter;

import io.rapport.shared.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors on public help-center pages answer with a help-center page: an internal or draft article is "not
 * found", exactly like one that does not exist.
 */
@ControllerAdvice(assignableTypes = { HelpCenterPages.class, HelpCenterAssets.class, PortalSuggestions.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class HelpCenterErrors {

	private final HelpCenterLook look;

	HelpCenterErrors(HelpCenterLook look) {
		this.look = look;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("hc", look.settings());
		return "helpcenter/not-found";
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(Model model) {
		model.addAttribute("hc", look.settings());
		return "helpcenter/not-found";
	}
}

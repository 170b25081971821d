package io.rapport.portal;

import io.rapport.shared.InvalidInputException;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Puts a rule the tickets module enforced next to the input it is about, or above the form when none fits, in the
 * customer's language (the error's message code, resolved from the bundles).
 */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult errors, InvalidInputException e, Model model, MessageSource messages) {
		String field = e.field() == null ? "" : e.field();
		if (field.startsWith("files")) {
			model.addAttribute("filesError", messages.getMessage(e, LocaleContextHolder.getLocale()));
			return;
		}
		String code = e.code() == null ? "portal.invalid" : e.code();
		try {
			errors.rejectValue(field, code, e.args(), e.getMessage());
		}
		catch (NotReadablePropertyException | IllegalArgumentException | IllegalStateException notAField) {
			errors.reject(code, e.args(), e.getMessage());
		}
	}
}

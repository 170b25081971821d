package io.rapport.portal;

import io.rapport.shared.InvalidInputException;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** Puts a rule the tickets module enforced next to the input it is about, or above the form when none fits. */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult errors, InvalidInputException e, Model model) {
		String field = e.field() == null ? "" : e.field();
		if (field.startsWith("files")) {
			model.addAttribute("filesError", e.getMessage());
			return;
		}
		try {
			errors.rejectValue(field, "portal.invalid", e.getMessage());
		}
		catch (NotReadablePropertyException | IllegalArgumentException | IllegalStateException notAField) {
			errors.reject("portal.invalid", e.getMessage());
		}
	}
}

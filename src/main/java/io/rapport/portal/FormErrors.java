package io.rapport.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.shared.InvalidInputException;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Puts a rule the tickets module enforced next to the input it is about, or above the form when none fits, in the
 * customer's language (the error's message code, resolved from the bundles); and shows one message per field.
 */
final class FormErrors {

	/** The rule to name first when a value breaks several: an empty password is missing, not too short. */
	private static final List<String> PRECEDENCE = List.of("NotBlank", "NotNull", "NotEmpty", "Size", "Email");

	private FormErrors() {
	}

	/**
	 * Replaces the form's errors in the model with one per field, the most basic broken rule. Bean Validation
	 * reports every broken constraint, in no fixed order: an empty password is both blank and too short.
	 */
	static void oneMessagePerField(BindingResult errors, Model model) {
		Map<String, FieldError> first = new LinkedHashMap<>();
		for (FieldError error : errors.getFieldErrors()) {
			first.merge(error.getField(), error, (kept, next) -> rank(next) < rank(kept) ? next : kept);
		}
		BeanPropertyBindingResult shown = new BeanPropertyBindingResult(errors.getTarget(), errors.getObjectName());
		errors.getGlobalErrors().forEach(shown::addError);
		first.values().forEach(shown::addError);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + errors.getObjectName(), shown);
	}

	private static int rank(FieldError error) {
		int at = PRECEDENCE.indexOf(error.getCode());
		return at < 0 ? PRECEDENCE.size() : at;
	}

	static void reject(BindingResult errors, InvalidInputException e, Model model, MessageSource messages) {
		String field = e.field() == null ? "" : e.field();
		if (field.startsWith("files")) {
			model.addAttribute("filesError", messages.getMessage(e, LocaleContextHolder.getLocale()));
			return;
		}
		String code = e.code();
		try {
			errors.rejectValue(field, code, e.args(), e.getMessage());
		}
		catch (NotReadablePropertyException | IllegalArgumentException | IllegalStateException notAField) {
			errors.reject(code, e.args(), e.getMessage());
		}
	}
}

package io.rapport.shared.web;

import java.util.Locale;
import java.util.Map;

import io.rapport.shared.TranslatableException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Small helpers for page forms that collect errors per field instead of failing the request: a page shows the
 * message beside the input, never a 500 or an error page, for anything a person can type.
 */
@Component
public class PageForms {

	private final MessageSource messages;

	PageForms(MessageSource messages) {
		this.messages = messages;
	}

	/** A text from the bundles, in the request's language. */
	public String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** A domain error in the request's language. */
	public String message(TranslatableException error) {
		return messages.getMessage(error, LocaleContextHolder.getLocale());
	}

	/** Puts a domain error beside a field; the page renders its code from the bundles in the reader's language. */
	public static void reject(BindingResult binding, String field, TranslatableException error) {
		binding.rejectValue(field, error.code(), error.args(), error.getMessage());
	}

	/** The constant named by a form value; blank means "not given", anything else unknown is a field error. */
	public <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.put(field, message("form.invalidChoice"));
			return null;
		}
	}

	public Long parseLong(String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, message("form.required"));
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			errors.put(field, message("form.invalidNumber"));
			return null;
		}
	}

	/**
	 * The form field a domain error belongs to: {@code tags[3]} is {@code tags}, {@code assigneeId} is
	 * {@code assignee}; a field the form does not show falls back to {@code general}, shown at the form's top.
	 */
	public static String field(String domainField, String general, String... shown) {
		String base = base(domainField);
		for (String candidate : shown) {
			if (base(candidate).equals(base)) {
				return candidate;
			}
		}
		return general;
	}

	private static String base(String field) {
		return field == null ? "" : field.replaceAll("\\[.*$", "").replaceAll("Id$", "");
	}
}

package io.rapport.knowledge.internal;

import io.rapport.shared.InvalidInputException;

/** Short texts people type (names), checked for length: a 400 naming the field. */
final class Texts {

	private Texts() {
	}

	static String require(String field, String value, int max) {
		String text = optional(field, value, max);
		if (text == null) {
			throw InvalidInputException.of(field, "errors.knowledge.name", max);
		}
		return text;
	}

	static String optional(String field, String value, int max) {
		String text = value == null ? null : value.strip();
		if (text != null && text.length() > max) {
			throw InvalidInputException.of(field, field.startsWith("descriptions") ? "errors.knowledge.description"
					: "errors.knowledge.name", max);
		}
		return text == null || text.isEmpty() ? null : text;
	}
}

package io.rapport.surveys.csat;

import io.rapport.shared.InvalidInputException;

/**
 * A customer's comment is plain text: stored as typed (without control characters), never interpreted as HTML,
 * and escaped wherever it is shown, so markup in it reads as the characters the customer typed.
 */
final class CsatComments {

	static final int MAX = 5000;

	private CsatComments() {
	}

	/** The comment to store: null for none; refused when longer than {@link #MAX}. */
	static String accept(String comment) {
		if (comment == null) {
			return null;
		}
		String cleaned = clean(comment).strip();
		if (cleaned.length() > MAX) {
			throw InvalidInputException.of("comment", "errors.surveys.comment", MAX);
		}
		return cleaned.isEmpty() ? null : cleaned;
	}

	/** Drops control characters other than line breaks and tabs, and normalizes line breaks. */
	static String clean(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cc}&&[^\\n\\t]]", "")
			.replaceAll("[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "");
	}
}

package io.rapport.tickets.internal;

import io.rapport.shared.InvalidInputException;
import io.rapport.shared.SafeHtml;
import io.rapport.tickets.NewMessage;

/** Message bodies as stored: sanitized HTML, whatever format they came in. */
final class Bodies {

	private Bodies() {
	}

	static String html(String raw, NewMessage.BodyFormat format, String field) {
		String html = format == NewMessage.BodyFormat.HTML ? SafeHtml.sanitize(raw)
				: format == NewMessage.BodyFormat.TEXT ? SafeHtml.fromText(raw) : SafeHtml.fromEither(raw);
		if (html.isBlank()) {
			throw InvalidInputException.of(field, "errors.ticket.body-empty");
		}
		return html;
	}

	/** A body a channel received: as {@link #html}, but images are kept (a mail's inline and remote pictures). */
	static String received(String raw, NewMessage.BodyFormat format, String field) {
		boolean asHtml = format == NewMessage.BodyFormat.HTML
				|| format == null && SafeHtml.looksLikeHtml(raw);
		String html = asHtml ? SafeHtml.sanitizeWithImages(raw) : SafeHtml.fromText(raw);
		if (html.isBlank()) {
			throw InvalidInputException.of(field, "errors.ticket.body-empty");
		}
		return html;
	}

	/** The quoted part of a received mail, sanitized; null when there is nothing left to show. */
	static String quoted(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String html = SafeHtml.sanitizeWithImages(raw);
		return html.isBlank() ? null : html;
	}
}

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
}

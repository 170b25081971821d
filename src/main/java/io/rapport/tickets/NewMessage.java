package io.rapport.tickets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A reply or an internal note. {@code format} says whether the body is TEXT or HTML; when absent, a body with
 * HTML tags is read as HTML.
 */
public record NewMessage(@NotBlank @Size(max = 100_000) String body, Visibility visibility, BodyFormat format) {

	public enum BodyFormat {
		TEXT, HTML
	}
}

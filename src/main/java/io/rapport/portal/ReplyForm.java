package io.rapport.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ReplyForm(@NotBlank @Size(max = 100_000) String body) {

	static ReplyForm empty() {
		return new ReplyForm("");
	}
}

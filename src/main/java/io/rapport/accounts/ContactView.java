package io.rapport.accounts;

import java.time.Instant;

public record ContactView(long id, String email, String name, Long accountId, Instant createdAt) {

	/** What to call the contact in a list: the name, or the email when there is none. */
	public String displayName() {
		return name == null || name.isBlank() ? email : name;
	}
}

package io.rapport.accounts;

import java.time.Instant;
import java.util.Locale;

/**
 * A contact as other modules see it. {@code locale} is the language they read (one of
 * {@link AccountsApi#LANGUAGES}), set by an agent or guessed from the first mail they sent; null while unknown.
 */
public record ContactView(long id, String email, String name, Long accountId, Instant createdAt, Locale locale) {

	/** A contact whose language is not known. */
	public ContactView(long id, String email, String name, Long accountId, Instant createdAt) {
		this(id, email, name, accountId, createdAt, null);
	}

	/** The same contact, reading {@code language}. */
	public ContactView speaking(Locale language) {
		return new ContactView(id, email, name, accountId, createdAt, language);
	}

	/** What to call the contact in a list: the name, or the email when there is none. */
	public String displayName() {
		return name == null || name.isBlank() ? email : name;
	}
}

package io.rapport.shared;

/** Input that breaks a rule only the domain can check (an unknown group, an assignee outside the group). */
public class InvalidInputException extends TranslatableException {

	private final String field;

	/**
	 * An English-only text.
	 *
	 * @deprecated pass a message code of {@code i18n/errors} with {@link #of}; the remaining callers in
	 * {@code tickets} are converted when its rewrite lands.
	 */
	@Deprecated
	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	protected InvalidInputException(String field, String code, Object[] args) {
		super(code, args);
		this.field = field;
	}

	/** The input at fault ({@code subject}, {@code files[2]}) and what is wrong with it, as a message code. */
	public static InvalidInputException of(String field, String code, Object... args) {
		return new InvalidInputException(field, code, args);
	}

	public String field() {
		return field;
	}
}

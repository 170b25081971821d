package io.rapport.shared;

/** Input that breaks a rule only the domain can check (an unknown group, an assignee outside the group). */
public class InvalidInputException extends TranslatableException {

	private final String field;

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

package io.rapport.shared;

/** Input that breaks a rule only the domain can check (an unknown group, an assignee outside the group). */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}

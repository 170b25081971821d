package io.rapport.shared;

/** The request is well formed but clashes with the current state: a stale version, an illegal transition. */
public class ConflictException extends TranslatableException {

	protected ConflictException(String code, Object[] args) {
		super(code, args);
	}

	public static ConflictException of(String code, Object... args) {
		return new ConflictException(code, args);
	}
}

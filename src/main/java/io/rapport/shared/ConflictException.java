package io.rapport.shared;

/** The request is well formed but clashes with the current state: a stale version, an illegal transition. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}

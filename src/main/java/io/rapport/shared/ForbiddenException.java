package io.rapport.shared;

/** The caller is known and may see the resource, but may not do this to it (an agent calling an admin action). */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}
}

package io.rapport.shared;

/** The caller is known and may see the resource, but may not do this to it (an agent calling an admin action). */
public class ForbiddenException extends TranslatableException {

	protected ForbiddenException(String code, Object[] args) {
		super(code, args);
	}

	public static ForbiddenException of(String code, Object... args) {
		return new ForbiddenException(code, args);
	}
}

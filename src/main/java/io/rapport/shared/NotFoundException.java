package io.rapport.shared;

/**
 * Something the caller asked for does not exist, or the caller may not know that it exists. Both answer 404, so
 * that ids cannot be probed.
 */
public class NotFoundException extends TranslatableException {

	protected NotFoundException(String code, Object[] args) {
		super(code, args);
	}

	public static NotFoundException of(String code, Object... args) {
		return new NotFoundException(code, args);
	}
}

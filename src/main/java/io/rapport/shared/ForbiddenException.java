package io.rapport.shared;

/** The caller is known and may see the resource, but may not do this to it (an agent calling an admin action). */
public class ForbiddenException extends TranslatableException {

	/**
	 * An English-only text.
	 *
	 * @deprecated pass a message code of {@code i18n/errors} with {@link #of}.
	 */
	@Deprecated
	public ForbiddenException(String message) {
		super(message);
	}

	protected ForbiddenException(String code, Object[] args) {
		super(code, args);
	}

	public static ForbiddenException of(String code, Object... args) {
		return new ForbiddenException(code, args);
	}
}

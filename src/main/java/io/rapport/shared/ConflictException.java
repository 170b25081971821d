package io.rapport.shared;

/** The request is well formed but clashes with the current state: a stale version, an illegal transition. */
public class ConflictException extends TranslatableException {

	/**
	 * An English-only text.
	 *
	 * @deprecated pass a message code of {@code i18n/errors} with {@link #of}; the remaining callers in
	 * {@code tickets} are converted when its rewrite lands.
	 */
	@Deprecated
	public ConflictException(String message) {
		super(message);
	}

	protected ConflictException(String code, Object[] args) {
		super(code, args);
	}

	public static ConflictException of(String code, Object... args) {
		return new ConflictException(code, args);
	}
}

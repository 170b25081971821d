package io.rapport.shared;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.context.MessageSourceResolvable;

/**
 * A domain error a person reads: a message code of {@code i18n/errors} and its arguments, which API problems and
 * pages render in the reader's language (it is a {@link MessageSourceResolvable}). {@link #getMessage()} is the
 * English text, so logs read well. Numbers among the arguments are kept as plain digits ("ticket 1234", not
 * "1,234").
 */
public abstract class TranslatableException extends RuntimeException implements MessageSourceResolvable {

	static final String BUNDLE = "i18n/errors";

	private final String code;

	private final Object[] args;

	/** A coded error. */
	protected TranslatableException(String code, Object[] args) {
		super(english(code, plain(args)));
		this.code = code;
		this.args = plain(args);
	}

	/** The message code in {@code i18n/errors}. */
	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}

	@Override
	public String[] getCodes() {
		return new String[] { code };
	}

	@Override
	public Object[] getArguments() {
		return args();
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}

	/** The English text of a code, formatted as Spring's message source does (MessageFormat only with arguments). */
	public static String english(String code, Object... args) {
		String pattern;
		try {
			pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
				.getString(code);
		}
		catch (MissingResourceException e) {
			throw new IllegalArgumentException("No message " + code + " in " + BUNDLE + ".properties", e);
		}
		return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
	}

	private static Object[] plain(Object[] args) {
		return args == null ? new Object[0]
				: Arrays.stream(args).map(arg -> arg instanceof Number number ? number.toString() : arg).toArray();
	}
}

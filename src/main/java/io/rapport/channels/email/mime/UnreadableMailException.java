package io.rapport.channels.email.mime;

/** A mail of which nothing usable could be read; the reason is in English, for the admin's failed-mail list. */
public class UnreadableMailException extends Exception {

	public UnreadableMailException(String reason) {
		super(reason);
	}

	public UnreadableMailException(String reason, Throwable cause) {
		super(reason, cause);
	}
}

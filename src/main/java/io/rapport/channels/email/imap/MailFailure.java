package io.rapport.channels.email.imap;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import io.rapport.channels.email.oauth.TokenRefusedException;
import jakarta.mail.AuthenticationFailedException;

/**
 * Why talking to a mail server failed, as the step that failed and a bundle key with its arguments, so that
 * people read "the server refused to sign in" rather than a Java exception.
 *
 * @param step DNS, CONNECT, TLS, LOGIN, FOLDER (or PROTOCOL for an answer nothing else explains)
 * @param key a key of {@code i18n/channels}
 * @param args its arguments
 */
public record MailFailure(Step step, String key, Object... args) {

	/** The steps of reaching a mailbox, in order. */
	public enum Step {
		DNS, CONNECT, TLS, LOGIN, FOLDER, PROTOCOL
	}

	/** The failure an exception of Jakarta Mail or the network stands for. */
	public static MailFailure of(Exception e, String host, int port, String username) {
		if (e instanceof TokenRefusedException refused) {
			return new MailFailure(Step.LOGIN, "mailbox.oauth.refused", refused.getMessage());
		}
		if (e instanceof AuthenticationFailedException) {
			return new MailFailure(Step.LOGIN, "mailbox.test.login", username);
		}
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException) {
				return new MailFailure(Step.DNS, "mailbox.test.dns", host);
			}
			if (cause instanceof SocketTimeoutException) {
				return new MailFailure(Step.CONNECT, "mailbox.test.timeout", host, Integer.toString(port));
			}
			if (cause instanceof ConnectException) {
				return new MailFailure(Step.CONNECT, "mailbox.test.refused", host, Integer.toString(port));
			}
			if (cause instanceof SSLException ssl) {
				return tls(ssl, host, port);
			}
		}
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		if (message.toUpperCase(Locale.ROOT).contains("STARTTLS")) {
			return new MailFailure(Step.TLS, "mailbox.test.starttls", host, Integer.toString(port));
		}
		return new MailFailure(Step.PROTOCOL, "mailbox.test.protocol", oneLine(message));
	}

	/** A failed TLS handshake: an untrusted or wrong certificate, or no TLS at all on that port. */
	public static MailFailure tls(SSLException e, String host, int port) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof GeneralSecurityException) {
				return new MailFailure(Step.TLS, "mailbox.test.certificate", host);
			}
		}
		return new MailFailure(Step.TLS, "mailbox.test.tls", host, Integer.toString(port));
	}

	private static String oneLine(String message) {
		String line = message.replaceAll("[\\r\\n\\t]+", " ").strip();
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}
}

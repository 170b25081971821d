package io.rapport.channels.email.outbound;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Reads an SMTP failure: the server's own words for the agent (not a stack trace), and whether the answer is
 * permanent (a 5xx reply code: the same mail will never be accepted, so retrying only delays the bad news).
 */
final class SmtpAnswers {

	static final int MAX = 1000;

	private SmtpAnswers() {
	}

	static boolean permanent(Exception e) {
		int code = code(e);
		return code >= 500 && code < 600;
	}

	static int code(Exception e) {
		Exception current = e;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (current instanceof SMTPSendFailedException sf) {
				return sf.getReturnCode();
			}
			if (current instanceof SMTPAddressFailedException af) {
				return af.getReturnCode();
			}
			current = current instanceof MessagingException me ? me.getNextException() : null;
		}
		return -1;
	}

	static String words(Exception e) {
		StringBuilder out = new StringBuilder();
		Throwable current = e;
		for (int depth = 0; current != null && depth < 5; depth++) {
			String message = current.getMessage();
			if (message != null && !message.isBlank() && out.indexOf(message.strip()) < 0) {
				out.append(out.isEmpty() ? "" : "; ").append(message.strip());
			}
			current = current instanceof MessagingException me && me.getNextException() != null
					? me.getNextException() : current.getCause();
		}
		return trim(out.isEmpty() ? e.getClass().getSimpleName() : out.toString());
	}

	static String trim(String answer) {
		String line = answer.replaceAll("[\\r\\n]+", " ").strip();
		return line.length() > MAX ? line.substring(0, MAX) : line;
	}
}

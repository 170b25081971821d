package io.rapport.channels.email.oauth;

import jakarta.mail.MessagingException;

/**
 * The token server would not renew a mailbox's access token (or could not be reached). The message is in words,
 * for the mailbox page; connecting fails at the login step.
 */
public class TokenRefusedException extends MessagingException {

	public TokenRefusedException(String words) {
		super(words);
	}
}

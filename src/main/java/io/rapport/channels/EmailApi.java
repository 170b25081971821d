package io.rapport.channels;

import java.util.Locale;
import java.util.Map;

/**
 * Mail other modules send to a person who is not answering a ticket: portal verification and password-reset
 * links, invitations. The mail is written to the outbox in the caller's transaction (so it is sent only if that
 * commits) and delivered by the outbox job from the default mailbox, rendered from the admin-editable template in
 * the reader's language.
 */
public interface EmailApi {

	/**
	 * Queues a mail from a template. {@code template} is a key such as {@code portal.verify},
	 * {@code portal.reset}, {@code portal.invitation}; {@code values} fill its placeholders ({@code {link}},
	 * {@code {name}}, …). Answers the outbox id.
	 */
	long sendTemplate(String toEmail, String toName, String template, Locale locale, Map<String, String> values);

	/** Whether a mailbox exists to send from, so pages can say "copy this link" when mail cannot go out. */
	boolean canSend();
}

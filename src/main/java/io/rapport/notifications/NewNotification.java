package io.rapport.notifications;

import java.util.List;

/**
 * Something an agent should know about. The text is not stored: {@code messageKey} names it in a bundle and
 * {@code messageArgs} fill it in, so each agent reads it in their own language.
 *
 * @param recipientId the agent to tell
 * @param kind what happened, as a short key owned by the module that notifies ({@code assigned}, {@code
 *     sla_breach}, …); the centre groups and styles by it
 * @param subjectType what it is about ({@link #TICKET}, an account, …), or null
 * @param subjectId the id of what it is about, or null
 * @param messageKey a bundle key, e.g. {@code notification.assigned}
 * @param messageArgs the bundle text's arguments, as text (names, numbers, subjects)
 * @param link where opening it takes the agent: a path inside Rapport, such as {@code /tickets/42}
 * @param dedupKey unique per recipient: a second notification with the same key is dropped, so an event
 *     delivered twice never tells anyone twice
 */
public record NewNotification(long recipientId, String kind, String subjectType, Long subjectId, String messageKey,
		List<String> messageArgs, String link, String dedupKey) {

	public static final String TICKET = "ticket";

	public NewNotification {
		messageArgs = messageArgs == null ? List.of() : List.copyOf(messageArgs);
	}

	/** A notification about a ticket, linking to its page. */
	public static NewNotification aboutTicket(long recipientId, String kind, long ticketId, String messageKey,
			List<String> messageArgs, String dedupKey) {
		return new NewNotification(recipientId, kind, TICKET, ticketId, messageKey, messageArgs,
				"/tickets/" + ticketId, dedupKey);
	}
}

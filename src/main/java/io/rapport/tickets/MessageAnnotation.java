package io.rapport.tickets;

/**
 * A line another module adds under a message on the ticket page, for agents: a mail's delivery state ("Sent to
 * ana@pop.example", "Bounced: 550 mailbox unavailable") or a link ("Show original"). Words are already in the
 * agent's language.
 *
 * @param text what the line says
 * @param tone {@code info}, {@code success}, {@code warning} or {@code danger}: how it is coloured
 * @param linkUrl a page or download to open, or null
 * @param linkLabel the link's words, or null
 * @param actionUrl a POST (with the page's CSRF token) that acts on the message, such as "Retry", or null
 * @param actionLabel the action button's words, or null
 */
public record MessageAnnotation(String text, String tone, String linkUrl, String linkLabel, String actionUrl,
		String actionLabel) {
}

package io.rapport.tickets;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Implemented by modules that know more about a ticket's messages than the tickets module does (channels: how a
 * mail was received and delivered). The ticket page asks every such bean once per page view and shows the lines
 * under each message, in bean order.
 */
public interface MessageAnnotations {

	/** Lines per message id; messages without any are left out. */
	Map<Long, List<MessageAnnotation>> annotate(long ticketId, Collection<Long> messageIds, Locale locale);
}

package io.rapport.tickets.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.rapport.tickets.MessageAnnotation;
import io.rapport.tickets.MessageAnnotations;

import org.springframework.stereotype.Component;

/**
 * A module's lines under messages, as the channels module will add them: only for the tickets a test names, so
 * every other test's pages are as they would be without it.
 */
@Component
public class StubAnnotations implements MessageAnnotations {

	final Set<Long> tickets = ConcurrentHashMap.newKeySet();

	final AtomicInteger calls = new AtomicInteger();

	@Override
	public Map<Long, List<MessageAnnotation>> annotate(long ticketId, Collection<Long> messageIds, Locale locale) {
		if (!tickets.contains(ticketId)) {
			return Map.of();
		}
		calls.incrementAndGet();
		long first = messageIds.iterator().next();
		return Map.of(first, List.of(
				new MessageAnnotation("Sent to ana@pop.example (" + locale.getLanguage() + ")", "success",
						"/stub/original/" + first, "Show original", null, null),
				new MessageAnnotation("Bounced: 550 mailbox unavailable", "danger", null, null,
						"/stub/retry/" + first, "Retry")));
	}
}

package io.rapport.tickets;

import java.time.Instant;
import java.util.List;

/**
 * A message as shown. When an agent wrote it for a customer (a phone call, a walk-in), the author is the agent and
 * {@code onBehalfOfId}/{@code onBehalfOfName} name the customer; otherwise they are null.
 */
public record MessageView(long id, AuthorKind authorType, Long authorId, String authorName, Visibility visibility,
		String bodyHtml, Instant createdAt, List<AttachmentView> attachments, Long onBehalfOfId,
		String onBehalfOfName) {
}

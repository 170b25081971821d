package io.rapport.tickets;

import java.time.Instant;
import java.util.List;

/**
 * A message as shown. When an agent wrote it for a customer (a phone call, a walk-in), the author is the agent and
 * {@code onBehalfOfId}/{@code onBehalfOfName} name the customer; otherwise they are null. {@code autoReply} marks an
 * automatic answer (out of office); {@code quotedHtml} is the quoted history cut from a received mail, shown on
 * click, or null. Inline images ({@code cid:}) point to their download for the reader, and are not listed again
 * in {@code attachments}.
 */
public record MessageView(long id, AuthorKind authorType, Long authorId, String authorName, Visibility visibility,
		String bodyHtml, Instant createdAt, List<AttachmentView> attachments, Long onBehalfOfId,
		String onBehalfOfName, boolean autoReply, String quotedHtml) {

	public MessageView(long id, AuthorKind authorType, Long authorId, String authorName, Visibility visibility,
			String bodyHtml, Instant createdAt, List<AttachmentView> attachments, Long onBehalfOfId,
			String onBehalfOfName) {
		this(id, authorType, authorId, authorName, visibility, bodyHtml, createdAt, attachments, onBehalfOfId,
				onBehalfOfName, false, null);
	}
}

package io.rapport.tickets;

import java.time.Instant;
import java.util.List;

public record MessageView(long id, AuthorKind authorType, Long authorId, String authorName, Visibility visibility,
		String bodyHtml, Instant createdAt, List<AttachmentView> attachments) {
}

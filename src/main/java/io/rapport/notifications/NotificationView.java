package io.rapport.notifications;

import java.time.Instant;
import java.util.List;

/** A notification as the centre shows it; {@code readAt} is null while it is unread. */
public record NotificationView(long id, String kind, String subjectType, Long subjectId, String messageKey,
		List<String> messageArgs, String link, Instant createdAt, Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}

	/** The arguments as the message source takes them. */
	public Object[] args() {
		return messageArgs.toArray();
	}
}

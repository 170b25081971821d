package io.rapport.notifications;

import io.rapport.shared.PageResult;

/**
 * The in-app notification centre, for every module that has something to tell an agent.
 * <p>
 * Modules call {@link #notify(NewNotification)} from their event listeners and jobs: the email module when a
 * message bounces, SLA when a target is about to be breached, success when an account is flagged at risk. A
 * notification names its recipient (an agent id), its kind, what it is about (a ticket id, an account id), a
 * bundle key and arguments for its text, a link, and a dedup key. The dedup key is unique per recipient, so a
 * listener that runs again for a redelivered event stores nothing new: build it from the event's identity (a
 * message id, a ticket id and the event's time), never from the clock.
 * <p>
 * The read methods serve the centre itself: each acts for the agent whose id it is given, and never shows one
 * agent's notifications to another.
 */
public interface NotificationsApi {

	/** Stores the notification unless the recipient already has one with the same dedup key; true if stored. */
	boolean notify(NewNotification notification);

	/**
	 * Stores each notification as {@link #notify} does, in one batch: for telling a whole group at once (an SLA
	 * warning), where nobody needs to know which recipients had it already.
	 */
	void notifyEach(java.util.List<NewNotification> notifications);

	long unreadCount(long agentId);

	/** The agent's notifications, newest first. */
	PageResult<NotificationView> page(long agentId, boolean unreadOnly, int page, int size);

	/** Marks one of the agent's notifications read and returns it; another agent's id is not found. */
	NotificationView markRead(long agentId, long notificationId);

	/** Marks all the agent's notifications read; answers how many were unread. */
	int markAllRead(long agentId);
}

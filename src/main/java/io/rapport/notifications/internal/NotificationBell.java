package io.rapport.notifications.internal;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.notifications.NotificationsApi;

import org.springframework.stereotype.Component;

/** The unread count the layout's bell shows, for the signed-in agent. Used as {@code @notificationBell}. */
@Component("notificationBell")
public class NotificationBell {

	private final NotificationsApi notifications;

	NotificationBell(NotificationsApi notifications) {
		this.notifications = notifications;
	}

	public boolean visible() {
		AuthenticatedUser user = AuthenticatedUser.current();
		return user != null && user.isAgent();
	}

	public long unread() {
		return visible() ? notifications.unreadCount(AuthenticatedUser.current().id()) : 0;
	}
}

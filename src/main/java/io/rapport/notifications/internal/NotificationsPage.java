package io.rapport.notifications.internal;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.notifications.NotificationView;
import io.rapport.notifications.NotificationsApi;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notification centre: the list, newest first, with unread ones marked; opening one marks it read and goes
 * to what it is about. The top bar's bell polls {@code /notifications/bell} for the unread count.
 */
@Controller
@WorkspacePage
class NotificationsPage {

	static final int PAGE_SIZE = 25;

	private final NotificationsApi notifications;

	NotificationsPage(NotificationsApi notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", notifications.page(user.id(), unread, Math.min(Math.max(page, 0), 10_000),
				PAGE_SIZE));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("unreadCount", notifications.unreadCount(user.id()));
		model.addAttribute("activeView", "notifications");
		return "notifications/list";
	}

	/** A link, so that it opens like any link (new tab, keyboard); reading a notification is safe to repeat. */
	@GetMapping("/notifications/{id}/open")
	String open(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		NotificationView notification = notifications.markRead(user.id(), id);
		String link = notification.link();
		return "redirect:" + (link != null && JdbcNotifications.isLocalPath(link) ? link : "/notifications");
	}

	@PostMapping("/notifications/{id}/read")
	String read(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean unread) {
		notifications.markRead(user.id(), id);
		return "redirect:/notifications" + (unread ? "?unread=true" : "");
	}

	@PostMapping("/notifications/read-all")
	String readAll(@CurrentUser AuthenticatedUser user) {
		notifications.markAllRead(user.id());
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/bell")
	String bell() {
		return "notifications/bell :: bell";
	}
}

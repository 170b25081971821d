package io.rapport.notifications.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.notifications.NotificationView;
import io.rapport.notifications.NotificationsApi;
import io.rapport.notifications.TicketFollowers;
import io.rapport.shared.PageResult;
import io.rapport.tickets.TicketsApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in agent's notifications and the tickets they follow; customers get 404 for all of it. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notifications")
class NotificationsRestController {

	private final NotificationsApi notifications;

	private final TicketFollowers followers;

	private final TicketsApi tickets;

	private final MessageSource messages;

	NotificationsRestController(NotificationsApi notifications, TicketFollowers followers, TicketsApi tickets,
			MessageSource messages) {
		this.notifications = notifications;
		this.followers = followers;
		this.tickets = tickets;
		this.messages = messages;
	}

	@Operation(summary = "My notifications, newest first, with their text in the request's language")
	@GetMapping("/notifications")
	PageResult<Notification> list(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size, Locale locale) {
		user.requireAgent();
		return notifications.page(user.id(), unread, page, size).map(n -> notification(n, locale));
	}

	@Operation(summary = "How many of my notifications are unread")
	@GetMapping("/notifications/unread-count")
	Map<String, Long> unreadCount(@CurrentUser AuthenticatedUser user) {
		user.requireAgent();
		return Map.of("unread", notifications.unreadCount(user.id()));
	}

	@Operation(summary = "Mark one of my notifications read")
	@PostMapping("/notifications/{id}/read")
	Notification read(@CurrentUser AuthenticatedUser user, @PathVariable long id, Locale locale) {
		user.requireAgent();
		return notification(notifications.markRead(user.id(), id), locale);
	}

	@Operation(summary = "Mark all my notifications read")
	@PostMapping("/notifications/read-all")
	Map<String, Integer> readAll(@CurrentUser AuthenticatedUser user) {
		user.requireAgent();
		return Map.of("marked", notifications.markAllRead(user.id()));
	}

	@Operation(summary = "The agents following a ticket")
	@GetMapping("/tickets/{id}/followers")
	Set<Long> followers(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		readable(id, user);
		return followers.followers(id);
	}

	@Operation(summary = "Follow a ticket: be told when the customer replies and when it is solved")
	@PutMapping("/tickets/{id}/followers/me")
	ResponseEntity<Void> follow(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		readable(id, user);
		followers.follow(id, user.id());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Stop following a ticket")
	@DeleteMapping("/tickets/{id}/followers/me")
	ResponseEntity<Void> unfollow(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		readable(id, user);
		followers.unfollow(id, user.id());
		return ResponseEntity.noContent().build();
	}

	private void readable(long ticketId, AuthenticatedUser user) {
		user.requireAgent();
		tickets.get(ticketId, user);
	}

	private Notification notification(NotificationView n, Locale locale) {
		return new Notification(n.id(), n.kind(), n.subjectType(), n.subjectId(),
				messages.getMessage(n.messageKey(), n.args(), n.messageKey(), locale), n.link(), n.createdAt(),
				n.readAt());
	}

	record Notification(long id, String kind, String subjectType, Long subjectId, String text, String link,
			Instant createdAt, Instant readAt) {
	}
}

package io.rapport.notifications;

import java.time.Duration;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationsApiTests extends IntegrationTest {

	@Autowired
	NotificationsApi notifications;

	@Autowired
	TicketFollowers followers;

	@Autowired
	Fixtures fixtures;

	Person ana;

	Person lars;

	@BeforeEach
	void twoAgents() {
		ana = fixtures.anAgentIn("tier1");
		lars = fixtures.anAgentIn("tier1");
	}

	@AfterEach
	void resetClock() {
		clock.set(START);
	}

	@Test
	void shouldStoreANotificationOncePerDedupKey() {
		assertThat(notifications.notify(about(ana, 42, "assigned:1"))).isTrue();
		assertThat(notifications.notify(about(ana, 42, "assigned:1"))).isFalse();
		assertThat(notifications.notify(about(lars, 42, "assigned:1"))).isTrue();

		assertThat(notifications.unreadCount(ana.id())).isEqualTo(1);
		assertThat(notifications.unreadCount(lars.id())).isEqualTo(1);
	}

	@Test
	void shouldListNewestFirstAndCountOnlyUnread() {
		notifications.notify(about(ana, 1, "a"));
		clock.advance(Duration.ofMinutes(5));
		notifications.notify(about(ana, 2, "b"));
		clock.advance(Duration.ofMinutes(5));
		notifications.notify(about(ana, 3, "c"));

		var page = notifications.page(ana.id(), false, 0, 25);
		assertThat(page.items()).extracting(NotificationView::subjectId).containsExactly(3L, 2L, 1L);
		assertThat(page.items().get(0).messageArgs()).containsExactly("Lars", "1003", "Cannot log in");
		assertThat(page.items().get(0).link()).isEqualTo("/tickets/3");

		NotificationView read = notifications.markRead(ana.id(), page.items().get(1).id());
		assertThat(read.unread()).isFalse();
		assertThat(notifications.unreadCount(ana.id())).isEqualTo(2);
		assertThat(notifications.page(ana.id(), true, 0, 25).items()).extracting(NotificationView::subjectId)
			.containsExactly(3L, 1L);

		assertThat(notifications.markAllRead(ana.id())).isEqualTo(2);
		assertThat(notifications.unreadCount(ana.id())).isZero();
	}

	@Test
	void shouldNeverMarkAnotherAgentsNotification() {
		notifications.notify(about(ana, 7, "x"));
		long id = notifications.page(ana.id(), false, 0, 1).items().get(0).id();

		assertThatThrownBy(() -> notifications.markRead(lars.id(), id)).isInstanceOf(NotFoundException.class);
		assertThat(notifications.unreadCount(ana.id())).isEqualTo(1);
	}

	@Test
	void shouldRefuseLinksThatLeaveRapport() {
		for (String link : List.of("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)")) {
			NewNotification outside = new NewNotification(ana.id(), "assigned", null, null, "notification.assigned",
					List.of(), link, "link:" + link);
			assertThatThrownBy(() -> notifications.notify(outside)).isInstanceOf(InvalidInputException.class);
		}
	}

	@Test
	void shouldFollowAndUnfollowIdempotently() {
		followers.follow(99_001, ana.id());
		followers.follow(99_001, ana.id());
		followers.follow(99_001, lars.id());
		assertThat(followers.followers(99_001)).containsExactly(ana.id(), lars.id());
		assertThat(followers.isFollowing(99_001, ana.id())).isTrue();

		followers.unfollow(99_001, ana.id());
		followers.unfollow(99_001, ana.id());
		assertThat(followers.followers(99_001)).containsExactly(lars.id());
		assertThat(followers.isFollowing(99_001, ana.id())).isFalse();
	}

	private static NewNotification about(Person recipient, long ticketId, String dedup) {
		return NewNotification.aboutTicket(recipient.id(), "assigned", ticketId, "notification.assigned",
				List.of("Lars", String.valueOf(1000 + ticketId), "Cannot log in"), dedup);
	}
}

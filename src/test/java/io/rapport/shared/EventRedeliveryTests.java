package io.rapport.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.notifications.NotificationsApi;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener that failed is tried again while the process runs, after a wait that grows with its attempts: the
 * notifications listener's publication is put back as failed (as a lock timeout would leave it) and its
 * notification removed; the job delivers it again only once the wait has passed.
 */
class EventRedeliveryTests extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	EventRedelivery redelivery;

	@Autowired
	TicketsApi tickets;

	@Autowired
	NotificationsApi notifications;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.modulith.events.core.EventSerializer serializer;

	@Test
	void shouldStoreEventsThroughTheSerializerThatWritesEachEventOnce() {
		assertThat(serializer).isInstanceOf(EventSerialization.OncePerEvent.class);
	}

	@Test
	void shouldDeliverAFailedPublicationAgainOnceItsWaitHasPassed() {
		Person ana = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomer();
		TicketView ticket = fixtures.aTicketFrom(customer, "Export is empty");
		tickets.update(ticket.id(), new TicketUpdate(null, null, null, ana.id(), null, null, ticket.version()),
				ana.user());
		tickets.addMessage(ticket.id(), new NewMessage("Still empty", null, null), List.of(), customer.user());
		await().atMost(PATIENCE).until(() -> customerReplies(ana, ticket) == 1);
		UUID publication = notificationsPublicationOf(ticket);

		// The listener "failed": its notification is not there and its publication is marked failed, tried once.
		jdbc.update("delete from notifications where recipient_id = ? and subject_id = ?", ana.id(), ticket.id());
		jdbc.update("update event_publication set completion_date = null, status = 'FAILED', completion_attempts = 1, "
				+ "last_resubmission_date = publication_date where id = ?", publication);

		redelivery.run();
		assertThat(customerReplies(ana, ticket)).isZero();

		clock.advance(EventRedelivery.FIRST_WAIT.plusSeconds(1));
		redelivery.run();
		await().atMost(PATIENCE).until(() -> customerReplies(ana, ticket) == 1);
	}

	@Test
	void shouldWaitLongerAfterEachFailedAttemptUpToAnHour() {
		Instant failed = START;

		assertThat(EventRedelivery.due(failedPublication(failed, 1), failed.plusSeconds(59))).isFalse();
		assertThat(EventRedelivery.due(failedPublication(failed, 1), failed.plusSeconds(60))).isTrue();
		assertThat(EventRedelivery.due(failedPublication(failed, 3), failed.plus(Duration.ofMinutes(3)))).isFalse();
		assertThat(EventRedelivery.due(failedPublication(failed, 3), failed.plus(Duration.ofMinutes(4)))).isTrue();
		assertThat(EventRedelivery.due(failedPublication(failed, 40), failed.plus(Duration.ofMinutes(59)))).isFalse();
		assertThat(EventRedelivery.due(failedPublication(failed, 40), failed.plus(Duration.ofMinutes(60)))).isTrue();
	}

	@Test
	void shouldLeaveAPublicationAloneWhileItsListenerMayStillBeRunning() {
		assertThat(EventRedelivery.due(publication(START, 0, EventPublication.Status.PROCESSING),
				START.plus(Duration.ofDays(1)))).isFalse();
		assertThat(EventRedelivery.due(publication(START, 0, EventPublication.Status.PUBLISHED),
				START.plus(Duration.ofDays(1)))).isFalse();
	}

	private long customerReplies(Person agent, TicketView ticket) {
		return notifications.page(agent.id(), true, 0, 100).items().stream()
			.filter(n -> "customer_replied".equals(n.kind()) && Long.valueOf(ticket.id()).equals(n.subjectId()))
			.count();
	}

	private UUID notificationsPublicationOf(TicketView ticket) {
		return jdbc.queryForList("select id, serialized_event from event_publication where listener_id like "
				+ "'%TicketEventListener%' and event_type like '%MessagePosted'")
			.stream()
			.filter(row -> row.get("serialized_event").toString().contains("\"ticketId\":" + ticket.id() + ","))
			.map(row -> UUID.fromString(row.get("id").toString()))
			.findFirst()
			.orElseThrow();
	}

	private static EventPublication failedPublication(Instant lastTry, int attempts) {
		return publication(lastTry, attempts, EventPublication.Status.FAILED);
	}

	private static EventPublication publication(Instant at, int attempts, EventPublication.Status status) {
		return new EventPublication() {
			@Override
			public UUID getIdentifier() {
				return UUID.randomUUID();
			}

			@Override
			public Object getEvent() {
				return "event";
			}

			@Override
			public Instant getPublicationDate() {
				return at;
			}

			@Override
			public Optional<Instant> getCompletionDate() {
				return Optional.empty();
			}

			@Override
			public Status getStatus() {
				return status;
			}

			@Override
			public Instant getLastResubmissionDate() {
				return null;
			}

			@Override
			public int getCompletionAttempts() {
				return attempts;
			}
		};
	}
}

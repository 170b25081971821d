package io.rapport.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.shared.PendingPublications;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listeners as they really run: after the publishing transaction commits, asynchronously. Each test waits for
 * the notification to appear rather than for a fixed time.
 */
class TicketEventDeliveryTests extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	NotificationsApi notifications;

	@Autowired
	TicketsApi tickets;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldTellTheAssigneeWhenTheCustomerRepliesThroughTheTicketsModule() {
		Person ana = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomer();
		TicketView ticket = fixtures.aTicketFrom(customer, "Invoice is wrong");
		tickets.update(ticket.id(), new TicketUpdate(null, null, null, ana.id(), null, null, ticket.version()),
				ana.user());

		tickets.addMessage(ticket.id(), new NewMessage("Any news?", null, null), List.of(), customer.user());

		await().atMost(PATIENCE).until(() -> about(ana, ticket, "customer_replied") == 1);
	}

	@Test
	void shouldTellTheTargetGroupWhenTheTicketsModuleEscalates() {
		Person engineer = fixtures.anAgentIn("tier2");
		Person advocate = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicket();

		tickets.escalate(ticket.id(), "tier2", "Stack trace attached", advocate.user());

		await().atMost(PATIENCE).until(() -> about(engineer, ticket, "escalated") == 1);
		assertThat(about(advocate, ticket, "escalated")).isZero();
	}

	@Test
	void shouldTellOnceWhenTheSameEventIsDeliveredTwice() {
		Person ana = fixtures.anAgentIn("tier1");
		Person lars = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicket();
		TicketAssigned assigned = new TicketAssigned(ticket.id(), null, ana.id(), AuthorKind.AGENT, lars.id(),
				clock.instant());

		publishInATransaction(assigned);
		publishInATransaction(assigned);

		await().atMost(PATIENCE).until(() -> about(ana, ticket, "assigned") >= 1);
		await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> about(ana, ticket, "assigned") == 1);
	}

	@Test
	void shouldTellMentionedAgentsPublishedWithTheMessage() {
		Person ana = fixtures.anAgentIn("tier1");
		Person lars = fixtures.anAgentIn("tier2");
		TicketView ticket = fixtures.aTicket();

		publishInATransaction(new MessagePosted(ticket.id(), 8_000_001, AuthorKind.AGENT, ana.id(),
				Visibility.INTERNAL, Channel.API, Set.of(lars.id()), clock.instant()));

		await().atMost(PATIENCE).until(() -> about(lars, ticket, "mentioned") == 1);
	}

	@Test
	void shouldStoreAPublicationOnlyForTheEventsThatConcernSomeone() {
		Person ana = fixtures.anAgentIn("tier1");
		Person lars = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicket();
		Instant at = clock.instant();

		assertThat(publicationsStoredWith(new MessagePosted(ticket.id(), 8_000_002, AuthorKind.AGENT, ana.id(),
				Visibility.PUBLIC, Channel.API, Set.of(), at))).isZero();
		assertThat(publicationsStoredWith(new TicketAssigned(ticket.id(), null, ana.id(), AuthorKind.AGENT, ana.id(),
				at))).isZero();
		assertThat(publicationsStoredWith(new TicketStatusChanged(ticket.id(), TicketStatus.NEW, TicketStatus.OPEN,
				AuthorKind.AGENT, ana.id(), at))).isZero();
		assertThat(publicationsStoredWith(new MessagePosted(ticket.id(), 8_000_003, AuthorKind.CONTACT,
				ticket.requester().id(), Visibility.PUBLIC, Channel.API, Set.of(), at))).isOne();
		assertThat(publicationsStoredWith(new MessagePosted(ticket.id(), 8_000_004, AuthorKind.AGENT, ana.id(),
				Visibility.INTERNAL, Channel.API, Set.of(lars.id()), at))).isOne();
		assertThat(publicationsStoredWith(new TicketAssigned(ticket.id(), null, lars.id(), AuthorKind.AGENT, ana.id(),
				at))).isOne();
		assertThat(publicationsStoredWith(new TicketStatusChanged(ticket.id(), TicketStatus.OPEN,
				TicketStatus.SOLVED, AuthorKind.AGENT, ana.id(), at))).isOne();
	}

	/**
	 * The notifications listener's publications the publishing transaction would store as it commits; it is rolled
	 * back, so nothing is delivered: only what the registry stores is under test.
	 */
	private int publicationsStoredWith(Object event) {
		return new TransactionTemplate(transactionManager).execute(status -> {
			events.publishEvent(event);
			int stored = PendingPublications.forListener("TicketEventListener");
			status.setRollbackOnly();
			return stored;
		});
	}

	private void publishInATransaction(Object event) {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(event));
	}

	/**
	 * The agent's unread notifications of one kind about one ticket. Not the unread total: another test's
	 * escalation, delivered late, tells every member of the group, including agents created after it.
	 */
	private long about(Person agent, TicketView ticket, String kind) {
		return notifications.page(agent.id(), true, 0, 100).items().stream()
			.filter(n -> kind.equals(n.kind()) && Long.valueOf(ticket.id()).equals(n.subjectId()))
			.count();
	}
}

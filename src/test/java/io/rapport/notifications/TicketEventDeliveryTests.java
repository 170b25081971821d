package io.rapport.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketAssigned;
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

		await().atMost(PATIENCE).until(() -> notifications.unreadCount(ana.id()) == 1);
		assertThat(notifications.page(ana.id(), true, 0, 1).items().get(0).kind()).isEqualTo("customer_replied");
	}

	@Test
	void shouldTellTheTargetGroupWhenTheTicketsModuleEscalates() {
		Person engineer = fixtures.anAgentIn("tier2");
		Person advocate = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicket();

		tickets.escalate(ticket.id(), "tier2", "Stack trace attached", advocate.user());

		await().atMost(PATIENCE).until(() -> notifications.unreadCount(engineer.id()) == 1);
		assertThat(notifications.unreadCount(advocate.id())).isZero();
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

		await().atMost(PATIENCE).until(() -> notifications.unreadCount(ana.id()) >= 1);
		await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> notifications.unreadCount(ana.id()) == 1);
	}

	@Test
	void shouldTellMentionedAgentsPublishedWithTheMessage() {
		Person ana = fixtures.anAgentIn("tier1");
		Person lars = fixtures.anAgentIn("tier2");
		TicketView ticket = fixtures.aTicket();

		publishInATransaction(new MessagePosted(ticket.id(), 8_000_001, AuthorKind.AGENT, ana.id(),
				Visibility.INTERNAL, Channel.API, Set.of(lars.id()), clock.instant()));

		await().atMost(PATIENCE).until(() -> notifications.unreadCount(lars.id()) == 1);
	}

	private void publishInATransaction(Object event) {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(event));
	}
}

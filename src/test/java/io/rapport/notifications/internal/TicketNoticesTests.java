package io.rapport.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.Role;
import io.rapport.notifications.NotificationView;
import io.rapport.notifications.NotificationsApi;
import io.rapport.notifications.TicketFollowers;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketEscalated;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who is told what, calling the listeners' logic directly: deterministic, and able to show who is NOT told. */
class TicketNoticesTests extends IntegrationTest {

	@Autowired
	TicketNotices notices;

	@Autowired
	NotificationsApi notifications;

	@Autowired
	TicketFollowers followers;

	@Autowired
	IdentityApi identity;

	@Autowired
	TicketsApi tickets;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	Person ana;

	Person lars;

	Person customer;

	TicketView ticket;

	@BeforeEach
	void aTicketAndTwoAgents() {
		ana = fixtures.anAgentIn("tier1");
		lars = fixtures.anAgentIn("tier1");
		customer = fixtures.aCustomer();
		ticket = fixtures.aTicketFrom(customer, "Export fails");
		// The description's MessagePosted reaches the real listener after the commit, on another thread: had it
		// not finished yet, it would find the assignee and followers a test sets up and tell them too.
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from "
				+ "event_publication where listener_id like '%TicketEventListener%' and completion_date is null "
				+ "and serialized_event like ?", Integer.class, "%\"ticketId\":" + ticket.id() + ",%") == 0);
	}

	@Test
	void shouldTellTheNewAssigneeWhoAssignedThem() {
		notices.assigned(new TicketAssigned(ticket.id(), null, ana.id(), AuthorKind.AGENT, lars.id(), now()));

		assertThat(only(ana)).satisfies(n -> {
			assertThat(n.kind()).isEqualTo("assigned");
			assertThat(n.messageKey()).isEqualTo("notification.assigned");
			assertThat(n.messageArgs()).containsExactly(lars.user().name(), String.valueOf(ticket.number()),
					"Export fails");
			assertThat(n.link()).isEqualTo("/tickets/" + ticket.id());
		});
	}

	@Test
	void shouldNotTellAnAgentWhoAssignedThemselves() {
		notices.assigned(new TicketAssigned(ticket.id(), null, ana.id(), AuthorKind.AGENT, ana.id(), now()));

		assertThat(notifications.unreadCount(ana.id())).isZero();
	}

	@Test
	void shouldTellAnAssigneeChosenByRapportItself() {
		notices.assigned(new TicketAssigned(ticket.id(), null, ana.id(), AuthorKind.SYSTEM, null, now()));

		assertThat(only(ana).messageKey()).isEqualTo("notification.assignedBySystem");
	}

	@Test
	void shouldTellMentionedAgentsButNotTheAuthorAndMakeThemFollow() {
		Person inactive = fixtures.anAgentIn("tier1");
		identity.updateAgent(inactive.id(), inactive.user().name(), Role.AGENT, false, List.of("tier1"));

		notices.messagePosted(new MessagePosted(ticket.id(), 7_000_001, AuthorKind.AGENT, ana.id(),
				Visibility.INTERNAL, Channel.API, Set.of(ana.id(), lars.id(), inactive.id()), now()));

		assertThat(only(lars).kind()).isEqualTo("mentioned");
		assertThat(only(lars).messageArgs()).first().isEqualTo(ana.user().name());
		assertThat(notifications.unreadCount(ana.id())).isZero();
		assertThat(notifications.unreadCount(inactive.id())).isZero();
		assertThat(followers.followers(ticket.id())).containsExactly(lars.id());
	}

	@Test
	void shouldTellTheAssigneeAndTheFollowersWhenTheCustomerReplies() {
		Person bystander = fixtures.anAgentIn("tier1");
		assign(ana);
		followers.follow(ticket.id(), lars.id());
		followers.follow(ticket.id(), ana.id());

		notices.messagePosted(new MessagePosted(ticket.id(), 7_000_002, AuthorKind.CONTACT, customer.id(),
				Visibility.PUBLIC, Channel.PORTAL, Set.of(), now()));

		assertThat(only(ana).kind()).isEqualTo("customer_replied");
		assertThat(only(ana).messageArgs()).first().isEqualTo(customer.user().name());
		assertThat(only(lars).kind()).isEqualTo("customer_replied");
		assertThat(notifications.unreadCount(bystander.id())).isZero();
	}

	@Test
	void shouldNotTellAnyoneOfAnAutomaticReply() {
		assign(ana);
		followers.follow(ticket.id(), lars.id());

		notices.messagePosted(new MessagePosted(ticket.id(), 7_000_009, AuthorKind.CONTACT, customer.id(),
				Visibility.PUBLIC, Channel.EMAIL, Set.of(), now(), true, null, false));

		assertThat(notifications.unreadCount(ana.id())).isZero();
		assertThat(notifications.unreadCount(lars.id())).isZero();
	}

	/**
	 * The message a ticket was opened with is news of a new ticket, not a reply, also when its listener runs after
	 * the ticket was already assigned (a rule, or an agent quicker than the listener).
	 */
	@Test
	void shouldNotTellTheAssigneeThatTheCustomerRepliedWithTheDescription() {
		assign(ana);
		followers.follow(ticket.id(), lars.id());

		notices.messagePosted(new MessagePosted(ticket.id(), 7_000_010, AuthorKind.CONTACT, customer.id(),
				Visibility.PUBLIC, Channel.PORTAL, Set.of(), now(), false, null, true));

		assertThat(notifications.unreadCount(ana.id())).isZero();
		assertThat(notifications.unreadCount(lars.id())).isZero();
	}

	@Test
	void shouldNotTellAnyoneOfAnAgentsReplyWithoutMentions() {
		assign(ana);
		followers.follow(ticket.id(), lars.id());

		notices.messagePosted(new MessagePosted(ticket.id(), 7_000_003, AuthorKind.AGENT, lars.id(),
				Visibility.PUBLIC, Channel.API, Set.of(), now()));

		assertThat(notifications.unreadCount(ana.id())).isZero();
		assertThat(notifications.unreadCount(lars.id())).isZero();
	}

	@Test
	void shouldTellTheActiveMembersOfTheTargetGroupButNotTheEscalator() {
		Person engineer = fixtures.anAgentIn("tier2");
		Person away = fixtures.anAgentIn("tier2");
		identity.updateAgent(away.id(), away.user().name(), Role.AGENT, false, List.of("tier2"));
		Person lead = fixtures.anAgentIn("tier1", "tier2");

		notices.escalated(new TicketEscalated(ticket.id(), "tier1", "tier2", "Needs logs", lead.id(), now()));

		assertThat(only(engineer).kind()).isEqualTo("escalated");
		assertThat(only(engineer).messageArgs()).containsExactly(lead.user().name(),
				String.valueOf(ticket.number()), "Export fails", identity.groupByKey("tier2").orElseThrow().name());
		assertThat(notifications.unreadCount(away.id())).isZero();
		assertThat(notifications.unreadCount(lead.id())).isZero();
		assertThat(notifications.unreadCount(ana.id())).isZero();
	}

	@Test
	void shouldTellTheAssigneeAndFollowersWhenSolvedButNotTheSolver() {
		assign(ana);
		followers.follow(ticket.id(), lars.id());

		notices.statusChanged(new TicketStatusChanged(ticket.id(), TicketStatus.OPEN, TicketStatus.SOLVED,
				AuthorKind.AGENT, ana.id(), now()));
		notices.statusChanged(new TicketStatusChanged(ticket.id(), TicketStatus.NEW, TicketStatus.OPEN,
				AuthorKind.AGENT, ana.id(), now()));

		assertThat(only(lars).kind()).isEqualTo("solved");
		assertThat(notifications.unreadCount(ana.id())).isZero();
	}

	@Test
	void shouldTellNoOneTwiceWhenAnEventIsHandledAgain() {
		assign(ana);
		followers.follow(ticket.id(), lars.id());
		Instant at = now();
		MessagePosted reply = new MessagePosted(ticket.id(), 7_000_004, AuthorKind.CONTACT, customer.id(),
				Visibility.PUBLIC, Channel.EMAIL, Set.of(), at);
		TicketAssigned assigned = new TicketAssigned(ticket.id(), null, lars.id(), AuthorKind.AGENT, ana.id(), at);

		for (int delivery = 0; delivery < 2; delivery++) {
			notices.messagePosted(reply);
			notices.assigned(assigned);
		}

		assertThat(notifications.unreadCount(ana.id())).isEqualTo(1);
		assertThat(notifications.unreadCount(lars.id())).isEqualTo(2);
	}

	@AfterEach
	void resetClock() {
		clock.set(START);
	}

	private void assign(Person agent) {
		tickets.update(ticket.id(), new TicketUpdate(null, null, null, agent.id(), null, null, ticket.version()),
				agent.user());
	}

	private Instant now() {
		clock.advance(Duration.ofSeconds(1));
		return clock.instant();
	}

	private NotificationView only(Person agent) {
		List<NotificationView> items = notifications.page(agent.id(), false, 0, 10).items();
		assertThat(items).hasSize(1);
		return items.get(0);
	}
}

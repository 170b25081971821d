package io.rapport.workflows.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.identity.internal.AgentProfiles;
import io.rapport.notifications.NotificationsApi;
import io.rapport.portal.MailState;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.ChangeView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketSort;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import io.rapport.workflows.internal.SlaPolicy.EscalateAt;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop on real tickets: the listeners start targets after commit, the sweep warns at 75% and 90% and
 * marks the breach exactly once however often (and on however many nodes) it runs, and the policy's action shows
 * in the ticket's history as done by the policy.
 */
class SlaSweepTests extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	SlaSweep sweep;

	@Autowired
	TargetStore targets;

	@Autowired
	SlaFixtures sla;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Autowired
	NotificationsApi notifications;

	@Autowired
	MailState mail;

	@Autowired
	AgentProfiles profiles;

	@Autowired
	JdbcTemplate jdbc;

	private long count(Person agent, long ticketId, String kind) {
		return notifications.page(agent.id(), false, 0, 100).items().stream()
			.filter(n -> n.kind().equals(kind) && ticketId == n.subjectId()).count();
	}

	private SlaTarget target(long ticketId, TargetKind kind) {
		return targets.ofTicket(ticketId).stream().filter(t -> t.kind() == kind).reduce((a, b) -> b).orElseThrow();
	}

	/** Two nodes sweeping at the same moment. */
	private void sweepTwiceAtOnce() {
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
			try {
				go.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return sweep.run();
		})).toList();
		go.countDown();
		runs.forEach(CompletableFuture::join);
	}

	@Test
	void shouldWarnAt75And90PercentAndBreachOnceAndRaiseThePriorityAsThePolicy() {
		AccountView account = fixtures.anAccount();
		SlaPolicy policy = sla.policy(account.id(), sla.alwaysOpen(), TicketPriority.NORMAL, null, null, 60, null,
				600, EscalateAt.BREACH, true, null);
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicketFrom(fixtures.aCustomerOf(account.id()), "Export stuck");
		tickets.update(ticket.id(), new TicketUpdate(null, null, null, agent.id(), null, null, ticket.version()),
				agent.user());
		await().atMost(PATIENCE).until(() -> targets.ofTicket(ticket.id()).size() == 2);

		clock.set(START.plus(Duration.ofMinutes(44)));
		sweep.run();
		assertThat(count(agent, ticket.id(), SlaNotices.WARNING)).isZero();

		clock.set(START.plus(Duration.ofMinutes(45)));
		sweepTwiceAtOnce();
		sweep.run();
		assertThat(count(agent, ticket.id(), SlaNotices.WARNING)).isEqualTo(1);
		assertThat(target(ticket.id(), TargetKind.FIRST_REPLY).warnedFirst()).isTrue();

		clock.set(START.plus(Duration.ofMinutes(54)));
		sweepTwiceAtOnce();
		assertThat(count(agent, ticket.id(), SlaNotices.WARNING)).isEqualTo(2);
		assertThat(target(ticket.id(), TargetKind.FIRST_REPLY).outcome()).isNull();

		clock.set(START.plus(Duration.ofMinutes(61)));
		sweepTwiceAtOnce();
		sweep.run();
		assertThat(count(agent, ticket.id(), SlaNotices.BREACH)).isEqualTo(1);
		assertThat(count(agent, ticket.id(), SlaNotices.WARNING)).isEqualTo(2);
		SlaTarget breached = target(ticket.id(), TargetKind.FIRST_REPLY);
		assertThat(breached.outcome()).isEqualTo(SlaTarget.BREACHED);
		assertThat(breached.endedAt()).isEqualTo(START.plus(Duration.ofMinutes(60)));

		TicketView after = tickets.get(ticket.id(), agent.user());
		assertThat(after.priority()).isEqualTo(TicketPriority.HIGH);
		List<ChangeView> raised = tickets.history(ticket.id(), agent.user()).stream()
			.filter(c -> c.field().equals("priority")).toList();
		assertThat(raised).singleElement().satisfies(c -> {
			assertThat(c.actorType()).isEqualTo(AuthorKind.SYSTEM);
			assertThat(c.actorName()).isEqualTo(policy.actorLabel());
			assertThat(c.newValue()).isEqualTo("HIGH");
		});
		// HIGH has no policy for this account: the resolution target no longer applies
		await().atMost(PATIENCE)
			.until(() -> SlaTarget.CANCELLED.equals(target(ticket.id(), TargetKind.RESOLUTION).outcome()));
	}

	@Test
	void shouldMailTheAssigneeOnceInTheLanguageOfTheirProfileWhenATargetNearsItsBreach() {
		mail.withMail();
		try {
			AccountView account = fixtures.anAccount();
			sla.policy(account.id(), sla.alwaysOpen(), TicketPriority.NORMAL, null, null, 60, null, 600,
					EscalateAt.BREACH, false, null);
			Person agent = fixtures.anAgentIn("tier1");
			profiles.update(agent.id(), "Ioana", "ro", null);
			Person other = fixtures.anAgentIn("tier1");
			TicketView ticket = fixtures.aTicketFrom(fixtures.aCustomerOf(account.id()), "Export blocat");
			tickets.update(ticket.id(), new TicketUpdate(null, null, null, agent.id(), null, null, ticket.version()),
					agent.user());
			await().atMost(PATIENCE).until(() -> targets.ofTicket(ticket.id()).size() == 2);

			clock.set(START.plus(Duration.ofMinutes(45)));
			sweepTwiceAtOnce();
			sweep.run();

			List<Map<String, Object>> mails = jdbc.queryForList("select to_addresses, subject, body_text "
					+ "from outbound_mails where subject like ?", "[#" + ticket.number() + "] SLA:%");
			assertThat(mails).singleElement().satisfies(m -> {
				assertThat(m.get("to_addresses").toString()).contains(agent.email()).doesNotContain(other.email());
				assertThat(m.get("body_text").toString()).startsWith("Bună ziua, Ioana")
					.contains("/tickets/" + ticket.id());
			});
		}
		finally {
			mail.restore();
		}
	}

	@Test
	void shouldMeetTheFirstReplyWithAPublicAgentReplyAndStartANextReplyOnTheCustomersAnswer() {
		AccountView account = fixtures.anAccount();
		sla.normal(account.id(), sla.alwaysOpen(), 60, 30, 600);
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomerOf(account.id());
		TicketView ticket = fixtures.aTicketFrom(customer, "Cannot sign in");
		await().atMost(PATIENCE).until(() -> targets.ofTicket(ticket.id()).size() == 2);

		clock.set(START.plus(Duration.ofMinutes(5)));
		tickets.addMessage(ticket.id(), new NewMessage("Only a note", Visibility.INTERNAL, null), List.of(),
				agent.user());
		clock.set(START.plus(Duration.ofMinutes(10)));
		tickets.addMessage(ticket.id(), new NewMessage("Try resetting", Visibility.PUBLIC, null), List.of(),
				agent.user());
		await().atMost(PATIENCE).until(() -> SlaTarget.MET.equals(target(ticket.id(), TargetKind.FIRST_REPLY).outcome()));
		assertThat(target(ticket.id(), TargetKind.FIRST_REPLY).endedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));

		clock.set(START.plus(Duration.ofMinutes(20)));
		tickets.addMessage(ticket.id(), new NewMessage("Still broken", null, null), List.of(), customer.user());
		await().atMost(PATIENCE).until(() -> targets.ofTicket(ticket.id()).stream()
			.anyMatch(t -> t.kind() == TargetKind.NEXT_REPLY));
		assertThat(target(ticket.id(), TargetKind.NEXT_REPLY).dueAt()).isEqualTo(START.plus(Duration.ofMinutes(50)));
		await().atMost(PATIENCE).until(() -> tickets.list(TicketFilter.any().withAccount(account.id()),
				TicketSort.breachesFirst(), 0, 5, agent.user()).items().size() == 1);
	}

	@Test
	void shouldSortTicketsWithTheSoonestDueTimeFirst() {
		AccountView account = fixtures.anAccount();
		sla.normal(account.id(), sla.alwaysOpen(), 60, 30, 600);
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomerOf(account.id());
		TicketView later = fixtures.aTicketFrom(customer, "Later");
		clock.set(START.minus(Duration.ofMinutes(30)));
		TicketView sooner = fixtures.aTicketFrom(customer, "Sooner");
		clock.set(START);
		TicketView none = fixtures.aTicketFrom(fixtures.aCustomer(), "No policy");
		await().atMost(PATIENCE).until(() -> targets.ofTicket(later.id()).size() == 2
				&& targets.ofTicket(sooner.id()).size() == 2);
		await().atMost(PATIENCE).until(() -> tickets.list(TicketFilter.any().withAccount(account.id()),
				TicketSort.breachesFirst(), 0, 5, agent.user()).items().stream().map(TicketView::id).toList()
			.equals(List.of(sooner.id(), later.id())));
		assertThat(targets.ofTicket(none.id())).isEmpty();
	}
}

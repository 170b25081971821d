package io.rapport.tickets.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketClosed;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketEscalated;
import io.rapport.tickets.TicketPriorityChanged;
import io.rapport.tickets.TicketReopened;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketTagsChanged;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketTests {

	static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	static final long TIER1 = 1;

	static final long TIER2 = 2;

	final Actor advocate = new Actor(AuthorKind.AGENT, 7L);

	final Actor customer = new Actor(AuthorKind.CONTACT, 40L);

	static Ticket aNewTicket() {
		return Ticket.open(101, "Cannot export", 40, 3L, TicketType.INCIDENT, TicketPriority.NORMAL, Channel.EMAIL,
				TIER1, "tier1", List.of("export"), null, NOW);
	}

	static Message message(AuthorKind kind, Visibility visibility) {
		Message message = new Message(101L, kind, kind == AuthorKind.AGENT ? 7L : 40L, visibility, "<p>Hi</p>", NOW);
		ReflectionTestUtils.setField(message, "id", 500L);
		return message;
	}

	void post(Ticket ticket, AuthorKind kind, Visibility visibility, Actor by, Instant at) {
		ticket.messageAdded(message(kind, visibility), Channel.EMAIL, Set.of(), by, false, at);
	}

	@Test
	void shouldBeNumberedByItsIdAndLandNewInItsGroup() {
		Ticket ticket = aNewTicket();

		assertThat(ticket.getNumber()).isEqualTo(101);
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.NEW);
		assertThat(ticket.getGroupId()).isEqualTo(TIER1);
	}

	@Test
	void shouldEscalateToTier2WithReasonAndUnassign() {
		Ticket ticket = aNewTicket();
		ticket.assign(7L, advocate, NOW);
		ticket.drainChanges();

		Escalation escalation = ticket.escalateTo(TIER2, "tier1", "tier2", " Needs a database fix ", advocate, NOW);

		assertThat(ticket.getGroupId()).isEqualTo(TIER2);
		assertThat(ticket.getAssigneeId()).isNull();
		assertThat(escalation.getReason()).isEqualTo("Needs a database fix");
		assertThat(escalation.getFromGroupId()).isEqualTo(TIER1);
		assertThat(ticket.drainChanges()).extracting(TicketChange::getField, TicketChange::getOldValue,
				TicketChange::getNewValue)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("group", "tier1", "tier2"),
					org.assertj.core.groups.Tuple.tuple("assignee", "7", null));
	}

	@Test
	void shouldRefuseEscalationWithoutReasonToSameGroupOrWhenSolved() {
		Ticket ticket = aNewTicket();

		assertThatThrownBy(() -> ticket.escalateTo(TIER2, "tier1", "tier2", " ", advocate, NOW))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("why");
		assertThatThrownBy(() -> ticket.escalateTo(TIER1, "tier1", "tier1", "x", advocate, NOW))
			.isInstanceOf(InvalidInputException.class);
		ticket.changeStatus(TicketStatus.SOLVED, advocate, NOW);
		assertThatThrownBy(() -> ticket.escalateTo(TIER2, "tier1", "tier2", "x", advocate, NOW))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void shouldSetFirstResponseOnlyOnFirstPublicAgentReply() {
		Ticket ticket = aNewTicket();

		post(ticket, AuthorKind.AGENT, Visibility.INTERNAL, advocate, NOW.plusSeconds(60));
		assertThat(ticket.getFirstResponseAt()).isNull();
		post(ticket, AuthorKind.AGENT, Visibility.PUBLIC, advocate, NOW.plusSeconds(120));
		post(ticket, AuthorKind.AGENT, Visibility.PUBLIC, advocate, NOW.plusSeconds(300));

		assertThat(ticket.getFirstResponseAt()).isEqualTo(NOW.plusSeconds(120));
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void shouldReopenSolvedTicketWhenCustomerWritesAgain() {
		Ticket ticket = aNewTicket();
		ticket.changeStatus(TicketStatus.SOLVED, advocate, NOW);
		assertThat(ticket.getSolvedAt()).isEqualTo(NOW);

		post(ticket, AuthorKind.CONTACT, Visibility.PUBLIC, customer, NOW.plusSeconds(3600));

		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
		assertThat(ticket.getSolvedAt()).isNull();
	}

	@Test
	void shouldKeepClosedTicketsClosed() {
		Ticket ticket = aNewTicket();
		assertThatThrownBy(() -> ticket.changeStatus(TicketStatus.CLOSED, advocate, NOW))
			.isInstanceOf(InvalidInputException.class);
		ticket.changeStatus(TicketStatus.SOLVED, advocate, NOW);
		ticket.changeStatus(TicketStatus.CLOSED, advocate, NOW);

		assertThatThrownBy(() -> post(ticket, AuthorKind.CONTACT, Visibility.PUBLIC, customer, NOW))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> ticket.changePriority(TicketPriority.HIGH, advocate, NOW))
			.isInstanceOf(ConflictException.class);
		assertThat(ticket.getSolvedAt()).isEqualTo(NOW);
	}

	@Test
	void shouldNormalizeTagsAndRejectUnsafeOnes() {
		assertThat(Tags.normalize(java.util.List.of(" Login Issue ", "VIP", "计费", ""), "tags"))
			.containsExactly("login_issue", "vip", "计费");
		assertThatThrownBy(() -> Tags.normalize(java.util.List.of("ok", "<b>"), "tags"))
			.isInstanceOf(InvalidInputException.class)
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("tags[1]");
	}

	@Test
	void shouldKeepTagOrderAndSplitOnCommasOnly() {
		List<String> tags = Tags.normalize(Tags.split("upgrade webhooks plan, API ,,Billing"), "tags");

		assertThat(tags).containsExactly("upgrade_webhooks_plan", "api", "billing");
	}

	@Test
	void shouldRegisterTheEventsOfItsLife() {
		Ticket ticket = aNewTicket();
		assertThat(ticket.drainEvents()).singleElement().isInstanceOf(TicketCreated.class);

		ticket.assign(7L, advocate, NOW);
		ticket.changePriority(TicketPriority.HIGH, advocate, NOW);
		ticket.retag(List.of("vip", "export"), advocate, NOW);
		ticket.changeStatus(TicketStatus.SOLVED, advocate, NOW);
		post(ticket, AuthorKind.CONTACT, Visibility.PUBLIC, customer, NOW);
		ticket.escalateTo(TIER2, "tier1", "tier2", "Needs a fix", advocate, NOW);
		ticket.changeStatus(TicketStatus.SOLVED, advocate, NOW);
		ticket.changeStatus(TicketStatus.CLOSED, advocate, NOW);

		assertThat(ticket.drainEvents()).extracting(Object::getClass).containsExactly(TicketAssigned.class,
				TicketStatusChanged.class, TicketPriorityChanged.class, TicketTagsChanged.class,
				TicketStatusChanged.class, TicketSolved.class, TicketStatusChanged.class, TicketReopened.class,
				MessagePosted.class, TicketAssigned.class, TicketEscalated.class, TicketStatusChanged.class,
				TicketSolved.class, TicketStatusChanged.class, TicketClosed.class);
		assertThat(ticket.drainEvents()).isEmpty();
	}

	@Test
	void shouldAssignAnUnassignedTicketToTheAgentWhoRepliesPublicly() {
		Ticket ticket = aNewTicket();

		ticket.messageAdded(message(AuthorKind.AGENT, Visibility.PUBLIC), Channel.EMAIL, Set.of(), advocate, true, NOW);

		assertThat(ticket.getAssigneeId()).isEqualTo(7L);
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void shouldNotCountTheSameTagsInTheSameOrderAsAChange() {
		Ticket ticket = aNewTicket();
		ticket.drainEvents();

		ticket.retag(List.of("export"), advocate, NOW);

		assertThat(ticket.drainChanges()).isEmpty();
		assertThat(ticket.drainEvents()).isEmpty();
	}
}

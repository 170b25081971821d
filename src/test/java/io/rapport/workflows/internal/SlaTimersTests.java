package io.rapport.workflows.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.rapport.IntegrationTest;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketType;
import io.rapport.workflows.SlaOutcomes;
import io.rapport.workflows.SlaTargetEnded;
import io.rapport.workflows.internal.SlaPolicy.EscalateAt;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timers driven by hand-made ticket events (ids no real ticket has), so each step's time is exact: pause and
 * resume, business hours across a weekend and a holiday, policy order and conditions, redelivered events.
 */
class SlaTimersTests extends IntegrationTest {

	@Autowired
	SlaTimers timers;

	@Autowired
	TargetStore targets;

	@Autowired
	PolicyStore policies;

	@Autowired
	SlaFixtures sla;

	@Autowired
	SlaOutcomes outcomes;

	@Autowired
	SlaReads reads;

	private static long anyId() {
		return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 2_000_000_000_000L);
	}

	private void created(long ticketId, long accountId, TicketPriority priority, Instant at) {
		timers.created(new TicketCreated(ticketId, 1, accountId, Channel.PORTAL, TicketType.QUESTION, priority,
				"tier1", null, at));
	}

	private void status(long ticketId, TicketStatus from, TicketStatus to, Instant at) {
		timers.statusChanged(new TicketStatusChanged(ticketId, from, to, AuthorKind.AGENT, 1L, at));
	}

	private SlaTarget target(long ticketId, TargetKind kind) {
		return targets.ofTicket(ticketId).stream().filter(t -> t.kind() == kind).reduce((a, b) -> b).orElseThrow();
	}

	@Test
	void shouldPauseTheResolutionClockWhilePendingAndAddThePausedTime() {
		long account = anyId();
		long ticket = anyId();
		sla.normal(account, sla.alwaysOpen(), 60, 30, 240);
		created(ticket, account, TicketPriority.NORMAL, START);
		assertThat(target(ticket, TargetKind.RESOLUTION).dueAt()).isEqualTo(START.plus(Duration.ofMinutes(240)));

		status(ticket, TicketStatus.OPEN, TicketStatus.PENDING, START.plus(Duration.ofMinutes(60)));
		clock.set(START.plus(Duration.ofMinutes(150)));
		SlaTargetView paused = reads.of(ticket).stream().filter(v -> v.kind().equals("RESOLUTION")).findFirst()
			.orElseThrow();
		assertThat(paused.state()).isEqualTo("PAUSED");
		assertThat(paused.businessSecondsLeft()).isEqualTo(Duration.ofMinutes(180).getSeconds());

		status(ticket, TicketStatus.PENDING, TicketStatus.OPEN, START.plus(Duration.ofMinutes(180)));
		// 60 minutes used before the pause, 180 left from the resume at +180: due at +360
		assertThat(target(ticket, TargetKind.RESOLUTION).dueAt()).isEqualTo(START.plus(Duration.ofMinutes(360)));
		assertThat(target(ticket, TargetKind.FIRST_REPLY).dueAt()).isEqualTo(START.plus(Duration.ofMinutes(60)));

		status(ticket, TicketStatus.OPEN, TicketStatus.SOLVED, START.plus(Duration.ofMinutes(300)));
		assertThat(target(ticket, TargetKind.RESOLUTION).outcome()).isEqualTo(SlaTarget.MET);
		// solving after the first reply's due time: that target was breached
		assertThat(target(ticket, TargetKind.FIRST_REPLY).outcome()).isEqualTo(SlaTarget.BREACHED);
		List<SlaTargetEnded> ended = new ArrayList<>();
		outcomes.forEach(e -> {
			if (e.ticketId() == ticket) {
				ended.add(e);
			}
		});
		assertThat(ended).extracting(SlaTargetEnded::target, SlaTargetEnded::breached)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("FIRST_REPLY", true),
					org.assertj.core.groups.Tuple.tuple("RESOLUTION", false));
	}

	@Test
	void shouldCountBusinessHoursAcrossAWeekendAndAHoliday() {
		long account = anyId();
		long ticket = anyId();
		// Monday 2026-03-09 is a holiday
		sla.normal(account, sla.office(LocalDate.of(2026, 3, 9)), 120, 60, 600);
		Instant friday = Instant.parse("2026-03-06T16:00:00Z");
		created(ticket, account, TicketPriority.NORMAL, friday);
		// 1 h on Friday, nothing on the weekend or the holiday, 1 h on Tuesday
		assertThat(target(ticket, TargetKind.FIRST_REPLY).dueAt()).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
		// 10 h: 1 h Friday, 8 h Tuesday, 1 h Wednesday
		assertThat(target(ticket, TargetKind.RESOLUTION).dueAt()).isEqualTo(Instant.parse("2026-03-11T10:00:00Z"));
		// 75% of 120 min = 90 min: 1 h Friday + 30 min Tuesday
		assertThat(target(ticket, TargetKind.FIRST_REPLY).warnFirstAt())
			.isEqualTo(Instant.parse("2026-03-10T09:30:00Z"));
	}

	@Test
	void shouldApplyTheFirstMatchingPolicyInOrder() {
		long account = anyId();
		long calendar = sla.alwaysOpen();
		SlaPolicy incidents = sla.policy(account, calendar, TicketPriority.HIGH, TicketType.INCIDENT, null, 30, null,
				null, EscalateAt.BREACH, false, null);
		SlaPolicy high = sla.policy(account, calendar, TicketPriority.HIGH, null, null, 60, null, null,
				EscalateAt.BREACH, false, null);
		SlaPolicy tier2 = sla.policy(account, calendar, TicketPriority.NORMAL, null, "tier2", 120, null, null,
				EscalateAt.BREACH, false, null);

		assertThat(policies.match(TicketPriority.HIGH, TicketType.INCIDENT, "tier1", account)).contains(incidents);
		assertThat(policies.match(TicketPriority.HIGH, TicketType.QUESTION, "tier1", account)).contains(high);
		assertThat(policies.match(TicketPriority.NORMAL, TicketType.QUESTION, "tier1", account)).isEmpty();
		assertThat(policies.match(TicketPriority.NORMAL, TicketType.QUESTION, "tier2", account).map(SlaPolicy::id))
			.contains(tier2.id());
		assertThat(policies.match(TicketPriority.HIGH, TicketType.INCIDENT, "tier1", account + 1)
			.filter(p -> p.accountId() != null && p.accountId() == account)).isEmpty();

		policies.move(high.id(), -1);
		assertThat(policies.match(TicketPriority.HIGH, TicketType.INCIDENT, "tier1", account).map(SlaPolicy::id))
			.contains(high.id());
	}

	@Test
	void shouldStartEachTargetOnceWhenAnEventIsDeliveredTwice() {
		long account = anyId();
		long ticket = anyId();
		sla.normal(account, sla.alwaysOpen(), 60, 30, 240);
		created(ticket, account, TicketPriority.NORMAL, START);
		created(ticket, account, TicketPriority.NORMAL, START);
		status(ticket, TicketStatus.OPEN, TicketStatus.PENDING, START.plus(Duration.ofMinutes(10)));
		status(ticket, TicketStatus.OPEN, TicketStatus.PENDING, START.plus(Duration.ofMinutes(20)));
		assertThat(targets.ofTicket(ticket)).hasSize(2);
		assertThat(target(ticket, TargetKind.RESOLUTION).consumedSeconds()).isEqualTo(600);
	}

	@Test
	void shouldStartANewResolutionTargetWhenASolvedTicketIsReopened() {
		long account = anyId();
		long ticket = anyId();
		sla.normal(account, sla.alwaysOpen(), 60, 30, 240);
		created(ticket, account, TicketPriority.NORMAL, START);
		status(ticket, TicketStatus.OPEN, TicketStatus.SOLVED, START.plus(Duration.ofMinutes(30)));
		assertThat(targets.running(ticket)).isEmpty();
		// reopening reads the ticket; one that does not exist starts nothing
		status(ticket, TicketStatus.SOLVED, TicketStatus.OPEN, START.plus(Duration.ofMinutes(40)));
		assertThat(targets.running(ticket)).isEmpty();
		assertThat(targets.ofTicket(ticket)).extracting(SlaTarget::outcome).containsOnly(SlaTarget.MET);
	}
}

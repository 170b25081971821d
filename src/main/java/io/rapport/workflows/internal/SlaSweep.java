package io.rapport.workflows.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rapport.tickets.TicketAutomation;
import io.rapport.tickets.TicketLookup;
import io.rapport.workflows.BusinessCalendar;
import io.rapport.workflows.internal.SlaPolicy.EscalateAt;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every 30 seconds, under a lock held in the database, acts on the targets whose next moment has come: the first
 * and second warnings and the breach. It reads only rows whose {@code next_check_at} has passed, through that
 * column's index, and each action is a conditional update ({@code ... where warned_first = false}) made in the
 * same transaction as its notifications: whoever runs it, however often, each warning and breach happens once.
 */
@Component
public class SlaSweep {

	private static final int BATCH = 500;

	/** At most this many batches a run; what is left waits for the next run (a failing row cannot spin it). */
	private static final int MAX_ROUNDS = 400;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SlaSweep.class);

	private final TargetStore targets;

	private final CalendarStore calendars;

	private final PolicyStore policies;

	private final SlaNotices notices;

	private final SlaTimers timers;

	private final TicketLookup tickets;

	private final TicketAutomation automation;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SlaSweep(TargetStore targets, CalendarStore calendars, PolicyStore policies, SlaNotices notices,
			SlaTimers timers, TicketLookup tickets, TicketAutomation automation, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.targets = targets;
		this.calendars = calendars;
		this.policies = policies;
		this.notices = notices;
		this.timers = timers;
		this.tickets = tickets;
		this.automation = automation;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
	@SchedulerLock(name = "sla-sweep")
	public void scheduled() {
		run();
	}

	/** One sweep at the clock's now; answers how many targets it acted on. */
	public int run() {
		Instant now = clock.instant();
		Map<Long, BusinessCalendar> byId = calendars.byId();
		int acted = 0;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			List<SlaTarget> due = targets.due(now, BATCH);
			for (SlaTarget target : due) {
				try {
					Boolean did = transactions.execute(status -> sweep(target, byId, now));
					acted += Boolean.TRUE.equals(did) ? 1 : 0;
				}
				catch (RuntimeException e) {
					// The row stays due: the next sweep tries it again; nothing it did was committed.
					log.warn("SLA target {} of ticket {} not swept: {}", target.id(), target.ticketId(), e.toString());
				}
			}
			if (due.size() < BATCH) {
				break;
			}
		}
		return acted;
	}

	private boolean sweep(SlaTarget target, Map<Long, BusinessCalendar> byId, Instant now) {
		// The header is all a notice names (the group is the target's own): no conversation, tags or history read.
		Optional<TicketLookup.TicketHeader> ticket = tickets.header(target.ticketId());
		if (ticket.isEmpty()) {
			targets.end(target.id(), SlaTarget.CANCELLED, now);
			return false;
		}
		Optional<SlaPolicy> policy = policies.find(target.policyId());
		boolean acted = false;
		if (target.dueAt() != null && !target.dueAt().isAfter(now)) {
			// Late sweeps skip the warnings a breach makes moot: marked, not sent.
			targets.warn(target.id(), false);
			targets.warn(target.id(), true);
			if (targets.end(target.id(), SlaTarget.BREACHED, target.dueAt())) {
				events.publishEvent(SlaTimers.ended(target, true, target.dueAt()));
				notices.tell(target, ticket.get(), 100);
				policy.filter(p -> p.escalateAt() == EscalateAt.BREACH).ifPresent(p -> act(p, target));
				acted = true;
			}
		}
		else {
			if (!target.warnedFirst() && target.warnFirstAt() != null && !target.warnFirstAt().isAfter(now)
					&& targets.warn(target.id(), false)) {
				notices.tell(target, ticket.get(), target.warnFirstPct());
				acted = true;
			}
			if (!target.warnedSecond() && target.warnSecondAt() != null && !target.warnSecondAt().isAfter(now)
					&& targets.warn(target.id(), true)) {
				notices.tell(target, ticket.get(), target.warnSecondPct());
				policy.filter(p -> p.escalateAt() == EscalateAt.WARNING).ifPresent(p -> act(p, target));
				acted = true;
			}
			targets.find(target.id()).filter(t -> !t.ended() && t.runningSince() != null)
				.ifPresent(t -> targets.reschedule(t.id(), Schedule.of(calendar(byId, t), t.runningSince(),
						t.consumedSeconds(), t.targetMinutes(), t.warnFirstPct(), t.warnSecondPct(), t.warnedFirst(),
						t.warnedSecond())));
		}
		timers.refreshDeadline(target.ticketId());
		return acted;
	}

	/** The policy's own actions, recorded in the ticket's history as done by the policy. */
	private void act(SlaPolicy policy, SlaTarget target) {
		if (policy.raisePriority()) {
			automation.raisePriority(target.ticketId(), policy.actorLabel());
		}
		if (policy.moveToGroup() != null) {
			automation.moveToGroup(target.ticketId(), policy.moveToGroup(), policy.actorLabel());
		}
	}

	private BusinessCalendar calendar(Map<Long, BusinessCalendar> byId, SlaTarget target) {
		BusinessCalendar calendar = byId.get(target.calendarId());
		return calendar != null ? calendar : calendars.defaultCalendar();
	}
}

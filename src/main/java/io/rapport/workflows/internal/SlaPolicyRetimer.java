package io.rapport.workflows.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.rapport.tickets.TicketDeadlines;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times again the running targets of the tickets a changed policy applied to, each ticket in its own transaction.
 * A target keeps the business time it has used and the warnings already sent; its due time and warnings follow the
 * policy's new minutes, percentages and calendar (a due time now past is breached by the next sweep). When the
 * policy no longer applies to the ticket (its conditions changed, or it was deleted or moved below another that
 * matches), the ticket is re-evaluated as on a change of its own: the policy that now matches takes over, or its
 * targets end as cancelled. Then the policy reaches the open tickets it now comes first for: those no policy
 * applied to (a new policy, or one whose conditions were widened) and those under a policy ordered after it. Their
 * targets start at the time of the change, as when a ticket's own change brings it under a policy.
 */
@Component
class SlaPolicyRetimer {

	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(SlaPolicyRetimer.class);

	private final TargetStore targets;

	private final PolicyStore policies;

	private final CalendarStore calendars;

	private final SlaTimers timers;

	private final TicketDeadlines tickets;

	private final TransactionTemplate each;

	SlaPolicyRetimer(TargetStore targets, PolicyStore policies, CalendarStore calendars, SlaTimers timers,
			TicketDeadlines tickets, PlatformTransactionManager transactions) {
		this.targets = targets;
		this.policies = policies;
		this.calendars = calendars;
		this.timers = timers;
		this.tickets = tickets;
		this.each = new TransactionTemplate(transactions);
		this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@ApplicationModuleListener
	void on(SlaPolicyChanged event) {
		policies.forget();
		int retimed = retime(event.policyId(), event.at());
		int reached = reach(event.policyId(), event.at());
		log.info("SLA policy {} changed: the running targets of {} tickets were timed again; {} other open tickets "
				+ "were matched again", event.policyId(), retimed, reached);
	}

	/**
	 * Matches again the open tickets this policy may now come first for: those without a running target and those
	 * running under a policy ordered after it. Answers how many it matched again (whether or not the policy applied).
	 */
	int reach(long policyId, Instant at) {
		Optional<SlaPolicy> changed = policies.find(policyId);
		if (changed.isEmpty()) {
			return 0;
		}
		Set<Long> later = policies.all().stream().filter(p -> p.position() > changed.get().position())
			.map(SlaPolicy::id).collect(Collectors.toSet());
		long after = 0;
		int done = 0;
		List<Long> batch;
		do {
			batch = tickets.unsolved(after, BATCH);
			Map<Long, Set<Long>> running = targets.runningPolicies(batch);
			for (long ticketId : batch) {
				Set<Long> under = running.getOrDefault(ticketId, Set.of());
				if (under.isEmpty() || under.stream().anyMatch(later::contains)) {
					each.executeWithoutResult(status -> timers.reevaluate(ticketId, at));
					done++;
				}
				after = ticketId;
			}
		}
		while (batch.size() == BATCH);
		return done;
	}

	/** Answers how many tickets it went through. */
	int retime(long policyId, Instant at) {
		long after = 0;
		int done = 0;
		List<Long> batch;
		do {
			batch = targets.ticketsRunningUnder(policyId, after, BATCH);
			for (long ticketId : batch) {
				each.executeWithoutResult(status -> retimeTicket(ticketId, policyId, at));
				after = ticketId;
				done++;
			}
		}
		while (batch.size() == BATCH);
		return done;
	}

	private void retimeTicket(long ticketId, long policyId, Instant at) {
		List<SlaTarget> running = targets.running(ticketId).stream().filter(t -> t.policyId() == policyId).toList();
		Optional<SlaPolicy> policy = policies.find(policyId);
		if (running.isEmpty() || policy.isEmpty() || !stillApplies(policy.get(), running.get(0))) {
			timers.reevaluate(ticketId, at);
			cancelOrphans(ticketId, policyId, at);
			return;
		}
		SlaPolicy p = policy.get();
		for (SlaTarget target : running) {
			Integer minutes = p.minutes(target.kind());
			if (minutes == null) {
				targets.end(target.id(), SlaTarget.CANCELLED, at);
				continue;
			}
			targets.repolicy(target.id(), p, minutes, target.priority(), target.groupKey());
			if (target.runningSince() != null) {
				targets.reschedule(target.id(), Schedule.of(calendars.require(p.calendarId()), target.runningSince(),
						target.consumedSeconds(), minutes, p.warnFirstPct(), p.warnSecondPct(), target.warnedFirst(),
						target.warnedSecond()));
			}
		}
		if (lacksATarget(ticketId, p)) {
			timers.reevaluate(ticketId, at);
		}
		timers.refreshDeadline(ticketId);
	}

	/**
	 * The policy was first for this ticket before the edit; it still is when it still matches what the target
	 * recorded of the ticket. A type condition is not recorded on targets, so it sends the ticket to re-evaluation.
	 */
	private static boolean stillApplies(SlaPolicy policy, SlaTarget target) {
		return policy.type() == null && policy.matches(target.priority(), null, target.groupKey(), target.accountId());
	}

	/** A target the policy now has and the ticket never had (a first reply or resolution target added). */
	private boolean lacksATarget(long ticketId, SlaPolicy policy) {
		return (policy.firstReplyMinutes() != null && !targets.hasAny(ticketId, TargetKind.FIRST_REPLY))
				|| (policy.resolutionMinutes() != null && !targets.hasAny(ticketId, TargetKind.RESOLUTION));
	}

	/** Targets of a deleted policy left running (their ticket is gone, so nothing re-matched them) end cancelled. */
	private void cancelOrphans(long ticketId, long policyId, Instant at) {
		if (policies.find(policyId).isPresent()) {
			return;
		}
		targets.running(ticketId).stream().filter(t -> t.policyId() == policyId)
			.forEach(t -> targets.end(t.id(), SlaTarget.CANCELLED, at));
		timers.refreshDeadline(ticketId);
	}
}

package io.rapport.workflows.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketDeadlines;
import io.rapport.tickets.TicketLookup;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Visibility;
import io.rapport.workflows.BusinessCalendar;
import io.rapport.workflows.SlaTargetEnded;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, pauses, resumes and ends the targets of tickets as their events arrive. Each step is safe to run twice
 * for the same event: a target starts once per trigger (a unique key), and ends, pauses or resumes only from the
 * state before (conditional updates), so a redelivered event changes nothing.
 */
@Service
class SlaTimers {

	private final TargetStore targets;

	private final PolicyStore policies;

	private final CalendarStore calendars;

	private final TicketLookup tickets;

	private final TicketDeadlines deadlines;

	private final ApplicationEventPublisher events;

	SlaTimers(TargetStore targets, PolicyStore policies, CalendarStore calendars, TicketLookup tickets,
			TicketDeadlines deadlines, ApplicationEventPublisher events) {
		this.targets = targets;
		this.policies = policies;
		this.calendars = calendars;
		this.tickets = tickets;
		this.deadlines = deadlines;
		this.events = events;
	}

	/** Whether a policy covers the new ticket (policies are kept in memory): asked as the ticket is created. */
	public boolean covers(TicketCreated event) {
		return policies.match(event.priority(), event.type(), event.groupKey(), event.accountId()).isPresent();
	}

	@Transactional
	public void created(TicketCreated event) {
		// A new ticket no policy matches has no target and no deadline to write.
		policies.match(event.priority(), event.type(), event.groupKey(), event.accountId()).ifPresent(policy -> {
			start(event.ticketId(), policy, TargetKind.FIRST_REPLY, "t" + event.ticketId() + ":FIRST_REPLY", event,
					event.at());
			start(event.ticketId(), policy, TargetKind.RESOLUTION, "t" + event.ticketId() + ":RESOLUTION:0", event,
					event.at());
			refreshDeadline(event.ticketId());
		});
	}

	/**
	 * A public reply by a person on the team meets the reply targets; a customer's own message (not an automatic
	 * answer, not the description) starts a next-reply target once the first reply was given.
	 */
	@Transactional
	public void messagePosted(MessagePosted event) {
		if (event.description() || event.autoReply()) {
			return;
		}
		if (event.authorType() == AuthorKind.AGENT && event.authorId() != null
				&& event.visibility() == Visibility.PUBLIC && event.onBehalfOfContactId() == null) {
			for (SlaTarget target : targets.running(event.ticketId())) {
				if (target.kind() != TargetKind.RESOLUTION) {
					end(target, event.at());
				}
			}
		}
		else if (event.authorType() == AuthorKind.CONTACT) {
			List<SlaTarget> running = targets.running(event.ticketId());
			boolean replyRunning = running.stream().anyMatch(t -> t.kind() != TargetKind.RESOLUTION);
			// the ticket is read only when a next-reply target may start: a customer writing again before the first
			// answer (the usual case) has its reply target running already, and without policies none starts
			Optional<TicketView> ticket = replyRunning || policies.all().isEmpty() ? Optional.empty()
					: tickets.find(event.ticketId());
			if (ticket.isPresent() && ticket.get().firstResponseAt() != null) {
				TicketView t = ticket.get();
				policies.match(t.priority(), t.type(), t.group(), t.accountId()).ifPresent(policy -> start(t.id(),
						policy, TargetKind.NEXT_REPLY, "t" + t.id() + ":NEXT_REPLY:" + event.messageId(), t,
						event.at()));
			}
		}
		refreshDeadline(event.ticketId());
	}

	/**
	 * Pending and on-hold stop the resolution clock and going back to work restarts it; solving (or closing) meets
	 * every running target; reopening a solved ticket starts a new resolution target.
	 */
	@Transactional
	public void statusChanged(TicketStatusChanged event) {
		TicketStatus to = event.to();
		List<SlaTarget> running = targets.running(event.ticketId());
		if (TicketStatus.DONE.contains(to)) {
			running.forEach(target -> end(target, event.at()));
		}
		else if (to == TicketStatus.PENDING || to == TicketStatus.ON_HOLD) {
			running.stream().filter(t -> t.kind() == TargetKind.RESOLUTION && t.runningSince() != null)
				.forEach(t -> targets.pause(t.id(), t.consumedSeconds()
						+ calendar(t).between(t.runningSince(), event.at()).getSeconds()));
		}
		else if (TicketStatus.DONE.contains(event.from())) {
			tickets.find(event.ticketId()).ifPresent(t -> policies
				.match(t.priority(), t.type(), t.group(), t.accountId())
				.ifPresent(policy -> start(t.id(), policy, TargetKind.RESOLUTION,
						"t" + t.id() + ":RESOLUTION:" + event.at().toEpochMilli(), t, event.at())));
		}
		else {
			running.stream().filter(SlaTarget::paused).forEach(t -> targets.resume(t.id(), event.at(),
					Schedule.of(calendar(t), event.at(), t.consumedSeconds(), t.targetMinutes(), t.warnFirstPct(),
							t.warnSecondPct(), t.warnedFirst(), t.warnedSecond())));
		}
		refreshDeadline(event.ticketId());
	}

	/**
	 * The ticket's priority, type or group changed: its running targets take the policy that now applies (or end,
	 * cancelled, when none does), keeping the time already used; targets it lacks and now has are started.
	 */
	@Transactional
	public void reevaluate(long ticketId, Instant at) {
		Optional<TicketView> found = tickets.find(ticketId);
		if (found.isEmpty()) {
			return;
		}
		TicketView ticket = found.get();
		Optional<SlaPolicy> policy = policies.match(ticket.priority(), ticket.type(), ticket.group(),
				ticket.accountId());
		for (SlaTarget target : targets.running(ticketId)) {
			Integer minutes = policy.map(p -> p.minutes(target.kind())).orElse(null);
			if (minutes == null) {
				targets.end(target.id(), SlaTarget.CANCELLED, at);
				continue;
			}
			SlaPolicy p = policy.get();
			targets.repolicy(target.id(), p, minutes, ticket.priority(), ticket.group());
			if (target.runningSince() != null) {
				targets.reschedule(target.id(), Schedule.of(calendars.require(p.calendarId()), target.runningSince(),
						target.consumedSeconds(), minutes, p.warnFirstPct(), p.warnSecondPct(), target.warnedFirst(),
						target.warnedSecond()));
			}
		}
		if (policy.isPresent() && ticket.status().isUnsolved()) {
			if (ticket.firstResponseAt() == null && !targets.hasAny(ticketId, TargetKind.FIRST_REPLY)) {
				start(ticketId, policy.get(), TargetKind.FIRST_REPLY, "t" + ticketId + ":FIRST_REPLY", ticket, at);
			}
			if (!targets.hasAny(ticketId, TargetKind.RESOLUTION)) {
				start(ticketId, policy.get(), TargetKind.RESOLUTION, "t" + ticketId + ":RESOLUTION:0", ticket, at);
			}
		}
		refreshDeadline(ticketId);
	}

	/** Ends a running target at {@code at}: met if in time (a paused one always is), breached if after its due time. */
	void end(SlaTarget target, Instant at) {
		boolean breached = target.dueAt() != null && target.runningSince() != null && at.isAfter(target.dueAt());
		if (targets.end(target.id(), breached ? SlaTarget.BREACHED : SlaTarget.MET, at)) {
			events.publishEvent(ended(target, breached, at));
		}
	}

	static SlaTargetEnded ended(SlaTarget t, boolean breached, Instant at) {
		return new SlaTargetEnded(t.id(), t.ticketId(), t.policyId(), t.policyName(), t.kind().name(), t.priority(),
				t.groupKey(), t.accountId(), breached, t.startedAt(), t.dueAt(), at);
	}

	void refreshDeadline(long ticketId) {
		deadlines.set(ticketId, targets.nextDue(ticketId));
	}

	private void start(long ticketId, SlaPolicy policy, TargetKind kind, String trigger, TicketCreated event,
			Instant at) {
		startWith(ticketId, policy, kind, trigger, event.priority(), event.groupKey(), event.accountId(), at);
	}

	private void start(long ticketId, SlaPolicy policy, TargetKind kind, String trigger, TicketView ticket,
			Instant at) {
		startWith(ticketId, policy, kind, trigger, ticket.priority(), ticket.group(), ticket.accountId(), at);
	}

	private void startWith(long ticketId, SlaPolicy policy, TargetKind kind, String trigger,
			io.rapport.tickets.TicketPriority priority, String groupKey, Long accountId, Instant at) {
		Integer minutes = policy.minutes(kind);
		if (minutes == null) {
			return;
		}
		BusinessCalendar calendar = calendars.require(policy.calendarId());
		targets.start(ticketId, policy, kind, trigger, priority, groupKey, accountId, at,
				Schedule.of(calendar, at, 0, minutes, policy.warnFirstPct(), policy.warnSecondPct(), false, false));
	}

	private BusinessCalendar calendar(SlaTarget target) {
		return calendars.calendar(target.calendarId()).orElseGet(calendars::defaultCalendar);
	}
}

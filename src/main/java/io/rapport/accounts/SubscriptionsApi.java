package io.rapport.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.Collectors;

import io.rapport.accounts.internal.Accounts;
import io.rapport.accounts.internal.Subscription;
import io.rapport.accounts.internal.SubscriptionMovement;
import io.rapport.accounts.internal.SubscriptionMovements;
import io.rapport.accounts.internal.Subscriptions;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriptions of accounts and their ledger of dated movements. Every change is a movement with the MRR
 * after it and the difference it made, and an event, so that the metrics never need these tables. Callers check
 * who may write (admins and success managers); {@code by} is the agent recorded on the movement.
 */
@Service
public class SubscriptionsApi {

	private final Subscriptions subscriptions;

	private final SubscriptionMovements movements;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriptionsApi(Subscriptions subscriptions, SubscriptionMovements movements, Accounts accounts,
			ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.movements = movements;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public SubscriptionView create(NewSubscription command, Long by) {
		if (!accounts.existsById(command.accountId())) {
			throw InvalidInputException.of("accountId", "errors.account.not-found", command.accountId());
		}
		String currency = currency(command.currency());
		requireAfter("renewsAt", command.renewsAt(), command.startedAt());
		requireAfter("trialEndsAt", command.trialEndsAt(), command.startedAt());
		Subscription s = subscriptions.saveAndFlush(new Subscription(command.accountId(), command.plan().strip(),
				command.mrrCents(), currency, command.seats(), command.startedAt(), command.trialEndsAt(),
				command.renewsAt()));
		Instant paidFrom = command.trialEndsAt() != null ? command.trialEndsAt() : command.startedAt();
		SubscriptionView view = s.view(clock.instant());
		record(view, MovementKind.NEW, paidFrom, view.mrrCents(), null, by);
		events.publishEvent(new SubscriptionStarted(view.id(), view.accountId(), view.plan(), view.mrrCents(),
				currency, view.seats(), view.startedAt(), view.trialEndsAt(), view.renewsAt(), paidFrom));
		return view;
	}

	/** Changes plan, MRR or seats from {@code effectiveAt}; on a cancelled subscription this reactivates it. */
	@Transactional
	public SubscriptionView change(long id, SubscriptionChange change, Long by) {
		Subscription s = find(id);
		SubscriptionView before = s.view(clock.instant());
		requireAfter("effectiveAt", change.effectiveAt(), before.startedAt(), true);
		boolean reactivating = before.cancelledAt() != null;
		String plan = change.plan() == null ? before.plan() : change.plan().strip();
		long mrr = change.mrrCents() == null ? before.mrrCents() : change.mrrCents();
		int seats = change.seats() == null ? before.seats() : change.seats();
		if (!reactivating && plan.equals(before.plan()) && mrr == before.mrrCents() && seats == before.seats()) {
			throw InvalidInputException.of("plan", "errors.subscription.no-change");
		}
		if (reactivating) {
			s.reactivate();
		}
		s.change(plan, mrr, seats);
		SubscriptionView after = s.view(clock.instant());
		long previousMrr = reactivating ? 0 : before.mrrCents();
		MovementKind kind = reactivating ? MovementKind.REACTIVATION : mrr > previousMrr ? MovementKind.EXPANSION
				: mrr < previousMrr ? MovementKind.CONTRACTION : MovementKind.PLAN_CHANGE;
		record(after, kind, change.effectiveAt(), mrr - previousMrr, null, by);
		events.publishEvent(new SubscriptionChanged(id, after.accountId(), kind, plan, mrr, previousMrr,
				after.currency(), seats, reactivating ? 0 : before.seats(), change.effectiveAt()));
		return after;
	}

	@Transactional
	public SubscriptionView cancel(long id, SubscriptionCancellation cancellation, Long by) {
		Subscription s = find(id);
		if (s.cancelledAt() != null) {
			throw ConflictException.of("errors.subscription.cancelled", id);
		}
		SubscriptionView before = s.view(clock.instant());
		requireAfter("effectiveAt", cancellation.effectiveAt(), before.startedAt(), true);
		String reason = cancellation.reason().strip();
		s.cancel(cancellation.effectiveAt(), reason);
		SubscriptionView after = s.view(clock.instant());
		record(after, MovementKind.CANCELLATION, cancellation.effectiveAt(), -before.mrrCents(), reason, by);
		events.publishEvent(new SubscriptionCancelled(id, after.accountId(), after.plan(), before.mrrCents(),
				after.currency(), after.seats(), cancellation.effectiveAt(), reason));
		return after;
	}

	@Transactional(readOnly = true)
	public SubscriptionView subscription(long id) {
		return find(id).view(clock.instant());
	}

	/** An account's subscriptions, oldest first. */
	@Transactional(readOnly = true)
	public List<SubscriptionView> ofAccount(long accountId) {
		Instant now = clock.instant();
		return subscriptions.findByAccountIdOrderByStartedAtAscIdAsc(accountId).stream().map(s -> s.view(now)).toList();
	}

	/** The subscriptions of several accounts at once, for lists such as a portfolio. */
	@Transactional(readOnly = true)
	public Map<Long, List<SubscriptionView>> ofAccounts(Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return Map.of();
		}
		Instant now = clock.instant();
		return subscriptions.findByAccountIdIn(accountIds).stream().map(s -> s.view(now))
			.collect(Collectors.groupingBy(SubscriptionView::accountId));
	}

	/**
	 * Accounts that churned: every subscription they had is cancelled, each with the time the last one ended (which
	 * may lie ahead, at the end of a term). What the churn model learns from, against the accounts still live.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Instant> churnedAccounts() {
		return subscriptions.churnedAccounts().stream()
			.collect(Collectors.toMap(row -> (Long) row[0], row -> (Instant) row[1]));
	}

	/**
	 * The subscriptions not cancelled whose renewal falls between two instants (both included), soonest first: what
	 * renewal playbooks look at every day.
	 */
	@Transactional(readOnly = true)
	public List<SubscriptionView> renewingBetween(Instant from, Instant to) {
		Instant now = clock.instant();
		return subscriptions.findByRenewsAtBetweenAndCancelledAtIsNullOrderByRenewsAtAscIdAsc(from, to).stream()
			.map(s -> s.view(now)).toList();
	}

	/** The account's ledger, in the order the changes took effect. */
	@Transactional(readOnly = true)
	public List<MovementView> movements(long accountId) {
		return movements.findByAccountIdOrderByEffectiveAtAscIdAsc(accountId).stream()
			.map(SubscriptionMovement::view).toList();
	}

	/**
	 * Every movement of every account, account by account and in the order they took effect: what a read model
	 * of revenue is rebuilt from. Streamed, so the whole ledger is never held at once.
	 */
	@Transactional(readOnly = true)
	public void forEachMovement(Consumer<MovementView> action) {
		try (Stream<SubscriptionMovement> all = movements.streamAllByOrderByAccountIdAscEffectiveAtAscIdAsc()) {
			all.forEach(m -> action.accept(m.view()));
		}
	}

	private void record(SubscriptionView s, MovementKind kind, Instant at, long delta, String reason, Long by) {
		movements.save(new SubscriptionMovement(new MovementView(0, s.id(), s.accountId(), kind, at, s.plan(),
				kind == MovementKind.CANCELLATION ? 0 : s.mrrCents(), delta, s.currency(), s.seats(), reason, by,
				clock.instant())));
	}

	private Subscription find(long id) {
		return subscriptions.findById(id).orElseThrow(() -> NotFoundException.of("errors.subscription.not-found", id));
	}

	private static String currency(String code) {
		String upper = code.strip().toUpperCase(Locale.ROOT);
		try {
			return Currency.getInstance(upper).getCurrencyCode();
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("currency", "errors.subscription.currency", code);
		}
	}

	private static void requireAfter(String field, Instant value, Instant start) {
		requireAfter(field, value, start, false);
	}

	private static void requireAfter(String field, Instant value, Instant start, boolean orEqual) {
		if (value != null && (value.isBefore(start) || (!orEqual && value.equals(start)))) {
			throw InvalidInputException.of(field, "errors.subscription.before-start", start);
		}
	}
}

package io.rapport.billing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionChange;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.shared.ConflictException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.TranslatableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stripe's events, verified by signature and applied to accounts' subscriptions. Each event is handled in one
 * transaction together with its row in {@code billing_stripe_events}, which is written first: a replay (or the same
 * event delivered twice at once) finds the row and does nothing. Per Stripe subscription the {@code created} time of
 * the last event applied is kept, and an older event is ignored; an update that changes neither plan, MRR, seats
 * nor whether it is cancelled writes no movement.
 */
@Service
public class StripeWebhooks {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

	public enum Outcome {
		APPLIED, UNCHANGED, STALE, UNMAPPED, RECORDED, IGNORED, REJECTED, DUPLICATE
	}

	public record Result(String eventId, String type, Outcome outcome) {
	}

	record EventRow(String eventId, String type, Instant stripeCreated, Instant receivedAt, String outcome,
			String detail, String customerId, String objectId) {
	}

	record CustomerRow(String customerId, String email, String name, Long accountId, String mappedBy,
			Instant createdAt) {
	}

	/** The signature does not verify, or the body is not a Stripe event: answered 400 without saying more. */
	static class Refused extends RuntimeException {

		final String reason;

		Refused(String reason) {
			super(reason, null, false, false);
			this.reason = reason;
		}
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SubscriptionsApi subscriptions;

	private final AccountsApi accounts;

	private final BillingSettings settings;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	private final Duration tolerance;

	StripeWebhooks(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SubscriptionsApi subscriptions,
			AccountsApi accounts, BillingSettings settings, JsonMapper json, MessageSource messages, Clock clock,
			@Value("${rapport.billing.stripe.tolerance:300s}") Duration tolerance) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.subscriptions = subscriptions;
		this.accounts = accounts;
		this.settings = settings;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
		this.tolerance = tolerance;
	}

	Result receive(byte[] body, String signature) {
		String secret = settings.stripeSecret().orElse(null);
		if (!StripeSignature.valid(signature, body, secret, clock.instant(), tolerance)) {
			throw new Refused("signature");
		}
		return apply(body);
	}

	/** An event from a source inside the installation (the demo data), applied without a signature. */
	public Result receiveTrusted(byte[] body) {
		return apply(body);
	}

	public boolean anyEvents() {
		return jdbc.queryForObject("select count(*) from (select 1 from billing_stripe_events fetch first 1 rows only) e",
				Integer.class) > 0;
	}

	private Result apply(byte[] body) {
		JsonNode event;
		try {
			event = json.readTree(body);
		}
		catch (JacksonException e) {
			throw new Refused("payload");
		}
		String id = StripeState.text(event, "id");
		String type = StripeState.text(event, "type");
		Instant created = StripeState.time(event, "created");
		if (id == null || type == null || created == null || id.length() > 255 || type.length() > 100
				|| !event.path("data").path("object").isObject()) {
			throw new Refused("payload");
		}
		JsonNode object = event.path("data").path("object");
		try {
			return transactions.execute(status -> handle(id, type, created, object));
		}
		catch (DuplicateKeyException replayedAtOnce) {
			return new Result(id, type, Outcome.DUPLICATE);
		}
		catch (TranslatableException refused) {
			String detail = messages.getMessage(refused, Locale.ENGLISH);
			log.warn("Stripe event {} ({}) not applied: {}", id, type, detail);
			try {
				return transactions.execute(status -> {
					insertEvent(id, type, created, object);
					finish(id, Outcome.REJECTED, detail);
					return new Result(id, type, Outcome.REJECTED);
				});
			}
			catch (DuplicateKeyException e) {
				return new Result(id, type, Outcome.DUPLICATE);
			}
		}
	}

	private Result handle(String id, String type, Instant created, JsonNode object) {
		if (jdbc.queryForObject("select count(*) from billing_stripe_events where event_id = ?", Integer.class, id) > 0) {
			return new Result(id, type, Outcome.DUPLICATE);
		}
		insertEvent(id, type, created, object);
		Outcome outcome;
		String detail = null;
		switch (type) {
			case "customer.created" -> {
				AccountView account = customerCreated(object);
				outcome = account == null ? Outcome.UNMAPPED : Outcome.APPLIED;
				detail = account == null ? StripeState.text(object, "email") : account.name();
			}
			case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" -> {
				outcome = subscriptionEvent(object, created);
			}
			case "invoice.paid" -> {
				detail = invoicePaid(object, created);
				outcome = Outcome.RECORDED;
			}
			default -> outcome = Outcome.IGNORED;
		}
		finish(id, outcome, detail);
		return new Result(id, type, outcome);
	}

	private void insertEvent(String id, String type, Instant created, JsonNode object) {
		String objectId = StripeState.text(object, "id");
		String customer = "customer.created".equals(type) ? objectId : customerOf(object);
		jdbc.update("insert into billing_stripe_events (event_id, type, stripe_created, received_at, outcome, "
				+ "customer_id, object_id) values (?, ?, ?, ?, 'RECEIVED', ?, ?)", id, type, Timestamp.from(created),
				Timestamp.from(clock.instant()), cut(customer, 255), cut(objectId, 255));
	}

	private void finish(String id, Outcome outcome, String detail) {
		jdbc.update("update billing_stripe_events set outcome = ?, detail = ? where event_id = ?", outcome.name(),
				cut(detail, 500), id);
	}

	private AccountView customerCreated(JsonNode customer) {
		String id = StripeState.text(customer, "id");
		if (id == null) {
			throw new Refused("payload");
		}
		String email = StripeState.text(customer, "email");
		String name = StripeState.text(customer, "name");
		Optional<CustomerRow> known = customer(id);
		if (known.isPresent() && known.get().accountId() != null) {
			jdbc.update("update billing_stripe_customers set email = coalesce(?, email), name = coalesce(?, name) "
					+ "where customer_id = ?", cut(email, 320), cut(name, 300), id);
			return accounts.account(known.get().accountId()).orElse(null);
		}
		AccountView account = byDomain(email);
		if (known.isEmpty()) {
			jdbc.update("insert into billing_stripe_customers (customer_id, email, name, account_id, mapped_by, "
					+ "created_at) values (?, ?, ?, ?, ?, ?)", id, cut(email, 320), cut(name, 300),
					account == null ? null : account.id(), account == null ? null : "domain",
					Timestamp.from(clock.instant()));
		}
		else {
			jdbc.update("update billing_stripe_customers set email = coalesce(?, email), name = coalesce(?, name), "
					+ "account_id = ?, mapped_by = ? where customer_id = ?", cut(email, 320), cut(name, 300),
					account == null ? null : account.id(), account == null ? null : "domain", id);
		}
		if (account != null) {
			applyPending(id, account.id());
		}
		return account;
	}

	private AccountView byDomain(String email) {
		if (email == null || email.lastIndexOf('@') < 0) {
			return null;
		}
		return accounts.accountByDomain(email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT))
			.orElse(null);
	}

	private Outcome subscriptionEvent(JsonNode object, Instant created) {
		String id = StripeState.text(object, "id");
		String customer = customerOf(object);
		if (id == null || customer == null) {
			throw new Refused("payload");
		}
		StripeState state = StripeState.of(object, created);
		var known = jdbc.query("select rapport_subscription, last_event_created from billing_stripe_subscriptions "
				+ "where subscription_id = ? for update", (rs, n) -> new Object[] { rs.getObject(1, Long.class),
						rs.getObject(2, OffsetDateTime.class).toInstant() }, id);
		if (!known.isEmpty() && created.isBefore((Instant) known.get(0)[1])) {
			return Outcome.STALE;
		}
		Long rapportId = known.isEmpty() ? null : (Long) known.get(0)[0];
		if (customer(customer).isEmpty()) {
			jdbc.update("insert into billing_stripe_customers (customer_id, created_at) values (?, ?)", customer,
					Timestamp.from(clock.instant()));
		}
		if (known.isEmpty()) {
			jdbc.update("insert into billing_stripe_subscriptions (subscription_id, customer_id, last_event_created, "
					+ "plan, mrr_cents, currency, seats, status, started_at, updated_at) "
					+ "values (?, ?, ?, '', 0, 'XXX', 1, '', ?, ?)", id, customer, Timestamp.from(created),
					Timestamp.from(state.startedAt()), Timestamp.from(clock.instant()));
		}
		store(id, state, created);
		Long accountId = customer(customer).map(CustomerRow::accountId).orElse(null);
		if (accountId == null) {
			return Outcome.UNMAPPED;
		}
		return apply(id, accountId, rapportId, state, created);
	}

	private void store(String id, StripeState s, Instant created) {
		jdbc.update("update billing_stripe_subscriptions set last_event_created = ?, plan = ?, mrr_cents = ?, "
				+ "currency = ?, seats = ?, status = ?, started_at = ?, trial_ends_at = ?, renews_at = ?, ended_at = ?, "
				+ "cancel_reason = ?, updated_at = ? where subscription_id = ?", Timestamp.from(created), s.plan(),
				s.mrrCents(), s.currency(), s.seats(), cut(s.status(), 30), Timestamp.from(s.startedAt()),
				ts(s.trialEndsAt()), ts(s.renewsAt()), ts(s.endedAt()), cut(s.reason(), 500),
				Timestamp.from(clock.instant()), id);
	}

	/** Brings the Rapport subscription to the Stripe state; writes a movement only when something changed. */
	private Outcome apply(String stripeId, long accountId, Long rapportId, StripeState s, Instant at) {
		if (rapportId == null) {
			if (s.pending()) {
				return Outcome.UNCHANGED;
			}
			SubscriptionView created = subscriptions.create(new NewSubscription(accountId, s.plan(), s.mrrCents(),
					s.currency(), s.seats(), s.startedAt(), s.renewsAt(), s.trialEndsAt()), null);
			jdbc.update("update billing_stripe_subscriptions set rapport_subscription = ? where subscription_id = ?",
					created.id(), stripeId);
			if (s.canceled()) {
				cancel(created, s, at);
			}
			return Outcome.APPLIED;
		}
		SubscriptionView current;
		try {
			current = subscriptions.subscription(rapportId);
		}
		catch (NotFoundException gone) {
			return Outcome.UNCHANGED;
		}
		boolean cancelled = current.cancelledAt() != null;
		if (s.canceled()) {
			if (cancelled) {
				return Outcome.UNCHANGED;
			}
			cancel(current, s, at);
			return Outcome.APPLIED;
		}
		if (s.pending()) {
			return Outcome.UNCHANGED;
		}
		boolean same = current.plan().equals(s.plan()) && current.mrrCents() == s.mrrCents()
				&& current.seats() == s.seats();
		if (same && !cancelled) {
			return Outcome.UNCHANGED;
		}
		subscriptions.change(rapportId, new SubscriptionChange(s.plan(), s.mrrCents(), s.seats(),
				latest(at, current.startedAt())), null);
		return Outcome.APPLIED;
	}

	private void cancel(SubscriptionView subscription, StripeState s, Instant at) {
		Instant when = latest(s.endedAt() != null ? s.endedAt() : at, subscription.startedAt());
		subscriptions.cancel(subscription.id(), new SubscriptionCancellation(when,
				s.reason() != null ? "Stripe: " + s.reason() : "Stripe: canceled"), null);
	}

	/** Applies the last state of the customer's Stripe subscriptions that wait for an account. */
	private void applyPending(String customerId, long accountId) {
		List<Object[]> pending = jdbc.query("select subscription_id, plan, mrr_cents, currency, seats, status, "
				+ "started_at, trial_ends_at, renews_at, ended_at, cancel_reason, last_event_created "
				+ "from billing_stripe_subscriptions where customer_id = ? and rapport_subscription is null "
				+ "order by started_at, subscription_id", (rs, n) -> new Object[] { rs.getString(1),
						new StripeState(rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getString(6),
								instant(rs.getObject(7, OffsetDateTime.class)),
								instant(rs.getObject(8, OffsetDateTime.class)),
								instant(rs.getObject(9, OffsetDateTime.class)),
								instant(rs.getObject(10, OffsetDateTime.class)), rs.getString(11)),
						instant(rs.getObject(12, OffsetDateTime.class)) }, customerId);
		for (Object[] row : pending) {
			apply((String) row[0], accountId, null, (StripeState) row[1], (Instant) row[2]);
		}
	}

	private String invoicePaid(JsonNode invoice, Instant created) {
		String subscription = StripeState.text(invoice, "subscription");
		if (subscription == null) {
			subscription = StripeState.text(invoice.path("parent").path("subscription_details"), "subscription");
		}
		long paid = invoice.path("amount_paid").asLong(0);
		String currency = StripeState.text(invoice, "currency");
		Instant paidAt = StripeState.time(invoice.path("status_transitions"), "paid_at");
		if (subscription != null) {
			jdbc.update("update billing_stripe_subscriptions set last_paid_at = ?, paid_cents = ? "
					+ "where subscription_id = ?", Timestamp.from(paidAt != null ? paidAt : created), paid, subscription);
		}
		return paid + " " + (currency == null ? "" : currency.toUpperCase(Locale.ROOT))
				+ (subscription == null ? "" : " · " + subscription);
	}

	/** An admin maps a Stripe customer nobody could map to an account; its subscriptions waiting apply now. */
	void map(String customerId, long accountId) {
		transactions.executeWithoutResult(status -> {
			CustomerRow customer = customer(customerId)
				.orElseThrow(() -> NotFoundException.of("errors.billing.customer-unknown", customerId));
			if (customer.accountId() != null) {
				throw ConflictException.of("errors.billing.customer-mapped", customerId);
			}
			jdbc.update("update billing_stripe_customers set account_id = ?, mapped_by = 'admin' where customer_id = ?",
					accountId, customerId);
			applyPending(customerId, accountId);
		});
	}

	List<EventRow> lastEvents(int limit) {
		return jdbc.query("select event_id, type, stripe_created, received_at, outcome, detail, customer_id, object_id "
				+ "from billing_stripe_events order by seq desc fetch first " + limit
				+ " rows only", (rs, n) -> new EventRow(rs.getString(1), rs.getString(2),
						instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class)),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
	}

	long ignoredCount() {
		return jdbc.queryForObject("select count(*) from billing_stripe_events where outcome = 'IGNORED'", Long.class);
	}

	List<CustomerRow> unmappedCustomers() {
		return jdbc.query("select customer_id, email, name, account_id, mapped_by, created_at from "
				+ "billing_stripe_customers where account_id is null order by created_at desc, customer_id",
				(rs, n) -> new CustomerRow(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, Long.class), rs.getString(5), instant(rs.getObject(6, OffsetDateTime.class))));
	}

	Optional<CustomerRow> customer(String id) {
		return jdbc.query("select customer_id, email, name, account_id, mapped_by, created_at from "
				+ "billing_stripe_customers where customer_id = ?", (rs, n) -> new CustomerRow(rs.getString(1),
						rs.getString(2), rs.getString(3), rs.getObject(4, Long.class), rs.getString(5),
						instant(rs.getObject(6, OffsetDateTime.class))), id).stream().findFirst();
	}

	/** The Rapport subscription a Stripe subscription feeds, if any. */
	Optional<Long> rapportSubscription(String stripeSubscriptionId) {
		return jdbc.query("select rapport_subscription from billing_stripe_subscriptions where subscription_id = ?",
				(rs, n) -> rs.getObject(1, Long.class), stripeSubscriptionId).stream().filter(v -> v != null).findFirst();
	}

	private static String customerOf(JsonNode object) {
		JsonNode customer = object.path("customer");
		if (customer.isString()) {
			return customer.stringValue();
		}
		return StripeState.text(customer, "id");
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isBefore(b) ? b : a;
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	private static Instant instant(OffsetDateTime t) {
		return t == null ? null : t.toInstant();
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}

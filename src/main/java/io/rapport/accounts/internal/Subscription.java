package io.rapport.accounts.internal;

import java.time.Instant;

import io.rapport.accounts.SubscriptionStatus;
import io.rapport.accounts.SubscriptionView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "subscriptions")
public class Subscription {

	@Id
	@GeneratedValue(generator = "subscriptions_seq")
	@SequenceGenerator(name = "subscriptions_seq", sequenceName = "subscriptions_seq", allocationSize = 50)
	private Long id;

	@Column(name = "account_id")
	private long accountId;

	private String plan;

	@Column(name = "mrr_cents")
	private long mrrCents;

	private String currency;

	private int seats;

	@Column(name = "started_at")
	private Instant startedAt;

	@Column(name = "trial_ends_at")
	private Instant trialEndsAt;

	@Column(name = "renews_at")
	private Instant renewsAt;

	@Column(name = "cancelled_at")
	private Instant cancelledAt;

	@Column(name = "cancel_reason")
	private String cancelReason;

	@Version
	private long version;

	protected Subscription() {
	}

	public Subscription(long accountId, String plan, long mrrCents, String currency, int seats, Instant startedAt,
			Instant trialEndsAt, Instant renewsAt) {
		this.accountId = accountId;
		this.plan = plan;
		this.mrrCents = mrrCents;
		this.currency = currency;
		this.seats = seats;
		this.startedAt = startedAt;
		this.trialEndsAt = trialEndsAt;
		this.renewsAt = renewsAt;
	}

	public void change(String plan, long mrrCents, int seats) {
		this.plan = plan;
		this.mrrCents = mrrCents;
		this.seats = seats;
	}

	public void cancel(Instant at, String reason) {
		this.cancelledAt = at;
		this.cancelReason = reason;
	}

	public void reactivate() {
		this.cancelledAt = null;
		this.cancelReason = null;
	}

	public SubscriptionStatus status(Instant now) {
		if (cancelledAt != null && !cancelledAt.isAfter(now)) {
			return SubscriptionStatus.CANCELLED;
		}
		return trialEndsAt != null && trialEndsAt.isAfter(now) ? SubscriptionStatus.TRIAL : SubscriptionStatus.ACTIVE;
	}

	public SubscriptionView view(Instant now) {
		return new SubscriptionView(id, accountId, plan, mrrCents, currency, seats, status(now), startedAt,
				trialEndsAt, renewsAt, cancelledAt, cancelReason);
	}

	public Long getId() {
		return id;
	}

	public Instant cancelledAt() {
		return cancelledAt;
	}
}

package io.rapport.accounts.internal;

import java.time.Instant;

import io.rapport.accounts.MovementKind;
import io.rapport.accounts.MovementView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One row of the MRR ledger: append-only. */
@Entity
@Table(name = "subscription_movements")
public class SubscriptionMovement {

	@Id
	@GeneratedValue(generator = "subscription_movements_seq")
	@SequenceGenerator(name = "subscription_movements_seq", sequenceName = "subscription_movements_seq",
			allocationSize = 50)
	private Long id;

	@Column(name = "subscription_id")
	private long subscriptionId;

	@Column(name = "account_id")
	private long accountId;

	@Enumerated(EnumType.STRING)
	private MovementKind kind;

	@Column(name = "effective_at")
	private Instant effectiveAt;

	private String plan;

	@Column(name = "mrr_cents")
	private long mrrCents;

	@Column(name = "mrr_delta_cents")
	private long mrrDeltaCents;

	private String currency;

	private int seats;

	private String reason;

	@Column(name = "recorded_by")
	private Long recordedBy;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	protected SubscriptionMovement() {
	}

	public SubscriptionMovement(MovementView v) {
		this.subscriptionId = v.subscriptionId();
		this.accountId = v.accountId();
		this.kind = v.kind();
		this.effectiveAt = v.effectiveAt();
		this.plan = v.plan();
		this.mrrCents = v.mrrCents();
		this.mrrDeltaCents = v.mrrDeltaCents();
		this.currency = v.currency();
		this.seats = v.seats();
		this.reason = v.reason();
		this.recordedBy = v.recordedBy();
		this.recordedAt = v.recordedAt();
	}

	public MovementView view() {
		return new MovementView(id, subscriptionId, accountId, kind, effectiveAt, plan, mrrCents, mrrDeltaCents,
				currency, seats, reason, recordedBy, recordedAt);
	}
}

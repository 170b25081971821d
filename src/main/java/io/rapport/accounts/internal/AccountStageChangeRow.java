package io.rapport.accounts.internal;

import java.time.Instant;

import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.StageChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One step of an account's stage history; append-only. */
@Entity
@Table(name = "account_stage_changes")
public class AccountStageChangeRow {

	@Id
	@GeneratedValue(generator = "account_stage_changes_seq")
	@SequenceGenerator(name = "account_stage_changes_seq", sequenceName = "account_stage_changes_seq",
			allocationSize = 50)
	private Long id;

	@Column(name = "account_id")
	private long accountId;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_stage")
	private LifecycleStage from;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_stage")
	private LifecycleStage to;

	private String reason;

	@Column(name = "agent_id")
	private Long agentId;

	@Column(name = "moved_by")
	private String movedBy;

	@Column(name = "changed_at")
	private Instant changedAt;

	protected AccountStageChangeRow() {
	}

	public AccountStageChangeRow(long accountId, StageChange change) {
		this.accountId = accountId;
		this.from = change.from();
		this.to = change.to();
		this.reason = change.reason();
		this.agentId = change.agentId();
		this.movedBy = change.movedBy();
		this.changedAt = change.at();
	}

	public StageChange view() {
		return new StageChange(from, to, reason, agentId, movedBy, changedAt);
	}
}
